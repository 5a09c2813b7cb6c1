import { isAbsolute } from 'node:path';
import {
  failedPrecondition,
  type GetJobRequest__Output,
  type ImportRequest__Output,
  type InternalErrorSink,
  invalidArgument,
  type ListSnapshotsResponse,
  notFound,
  type RestoreRequest__Output,
  type SnapshotRequest__Output,
  serverStream,
  type TrainFromFileRequest__Output,
  unary,
  type VecshardHandlers,
} from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import { checkCollectionName } from '../validation.js';
import type { ImportRoots } from './import-roots.js';
import type { JobQueue } from './job-queue.js';
import { STORE_PREFIX } from './vector-source.js';

/** Snapshot listing, present when the coordinator has an object store. */
export interface SnapshotCatalog {
  list(collection: string): Promise<ListSnapshotsResponse>;
}

type JobHandlers = Pick<
  VecshardHandlers,
  | 'Import'
  | 'TrainFromFile'
  | 'Snapshot'
  | 'Restore'
  | 'GetJob'
  | 'WatchJob'
  | 'ListSnapshots'
  | 'Rebalance'
  | 'DrainWorker'
>;

/** gRPC handlers that queue and follow jobs. */
export function jobHandlers(
  ctx: CoordinatorContext,
  jobs: JobQueue,
  snapshots: SnapshotCatalog | undefined,
  importRoots: ImportRoots,
  onInternal?: InternalErrorSink,
): JobHandlers {
  /**
   * A file on the coordinator (absolute, under an import root) or, with a
   * store, "store:KEY"; refused before a job is queued (the job checks again).
   */
  const checkJobPath = async (path: string) => {
    if (!path) throw invalidArgument('path must name a vector file');
    if (path.startsWith(STORE_PREFIX)) needStore();
    else if (!isAbsolute(path)) {
      throw invalidArgument(
        `path must be absolute on the coordinator, or "store:KEY" for an object in the store; got "${path}"`,
      );
    } else await importRoots.resolve(path);
  };
  const needStore = () => {
    if (!snapshots)
      throw failedPrecondition('this coordinator has no object store: start it with --store URL');
    return snapshots;
  };
  return {
    Import: unary(
      'Import',
      async (req: ImportRequest__Output) => {
        await ctx.catalog.get(req.collection);
        await checkJobPath(req.path);
        if (req.fieldsPath) await checkJobPath(req.fieldsPath);
        return jobs.enqueue({
          kind: 'import',
          collection: req.collection,
          path: req.path,
          firstId: Number(req.firstId),
          limit: Number(req.limit),
          batchSize: req.batchSize,
          trainSize: Number(req.trainSize),
          ...(req.fieldsPath ? { fieldsPath: req.fieldsPath } : {}),
        });
      },
      onInternal,
    ),

    TrainFromFile: unary(
      'TrainFromFile',
      async (req: TrainFromFileRequest__Output) => {
        const { record } = await ctx.catalog.get(req.collection);
        if (record.state === 'ready')
          throw failedPrecondition(`collection "${req.collection}" is already trained`);
        await checkJobPath(req.path);
        return jobs.enqueue({
          kind: 'train',
          collection: req.collection,
          path: req.path,
          limit: Number(req.limit),
        });
      },
      onInternal,
    ),

    Snapshot: unary(
      'Snapshot',
      async (req: SnapshotRequest__Output) => {
        needStore();
        await ctx.catalog.getReady(req.collection, 'Snapshot');
        return jobs.enqueue({ kind: 'snapshot', collection: req.collection });
      },
      onInternal,
    ),

    Restore: unary(
      'Restore',
      async (req: RestoreRequest__Output) => {
        needStore();
        checkCollectionName(req.collection);
        return jobs.enqueue({ kind: 'restore', collection: req.collection, snapshotId: req.snapshotId });
      },
      onInternal,
    ),

    GetJob: unary('GetJob', (req: GetJobRequest__Output) => jobs.get(req.id), onInternal),

    WatchJob: serverStream('WatchJob', (req: GetJobRequest__Output) => jobs.follow(req.id), onInternal),

    ListSnapshots: unary(
      'ListSnapshots',
      async (req) => {
        checkCollectionName(req.collection);
        return needStore().list(req.collection);
      },
      onInternal,
    ),

    Rebalance: unary(
      'Rebalance',
      async (req) => {
        if (req.collection) {
          const { record } = await ctx.catalog.getReady(req.collection, 'Rebalance');
          if (record.routing !== 'lists') {
            const by = record.partitionKey ? `tenant ("${record.partitionKey}")` : 'id (scatter)';
            throw failedPrecondition(
              `collection "${req.collection}" places rows by ${by}: every shard holds every list, so shards ` +
                'cannot trade lists (DrainWorker moves whole shards, and so whole tenants)',
            );
          }
        }
        return jobs.enqueue({ kind: 'rebalance', collection: req.collection });
      },
      onInternal,
    ),

    DrainWorker: unary(
      'DrainWorker',
      async (req) => {
        if (!req.workerId) throw invalidArgument('worker_id must name a registered worker');
        await ctx.workers.refresh();
        const worker = ctx.workers.get(req.workerId);
        if (!worker) throw notFound(`worker "${req.workerId}" is not registered`);
        // One drain per worker process: asking again follows the same job.
        return jobs.enqueue(
          { kind: 'drain', workerId: worker.id },
          `drain-${worker.id}-${worker.startedAtMs}`,
        );
      },
      onInternal,
    ),
  };
}
