import { isAbsolute } from 'node:path';
import {
  failedPrecondition,
  type GetJobRequest__Output,
  type ImportRequest__Output,
  type InternalErrorSink,
  invalidArgument,
  type RestoreRequest__Output,
  type SnapshotRequest__Output,
  serverStream,
  type TrainFromFileRequest__Output,
  unary,
  type VecshardHandlers,
} from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import { adminJobs, type SnapshotCatalog } from './admin-jobs.js';
import type { ImportRoots } from './import-roots.js';
import type { JobQueue } from './job-queue.js';
import { STORE_PREFIX } from './vector-source.js';

export type { SnapshotCatalog } from './admin-jobs.js';

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
  const admin = adminJobs(ctx, jobs, snapshots);
  const needStore = () => admin.needStore();
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

    Snapshot: unary('Snapshot', (req: SnapshotRequest__Output) => admin.snapshot(req.collection), onInternal),

    Restore: unary(
      'Restore',
      (req: RestoreRequest__Output) => admin.restore(req.collection, req.snapshotId),
      onInternal,
    ),

    GetJob: unary('GetJob', (req: GetJobRequest__Output) => jobs.get(req.id), onInternal),

    WatchJob: serverStream('WatchJob', (req: GetJobRequest__Output) => jobs.follow(req.id), onInternal),

    ListSnapshots: unary('ListSnapshots', (req) => admin.listSnapshots(req.collection), onInternal),

    Rebalance: unary('Rebalance', (req) => admin.rebalance(req.collection), onInternal),

    DrainWorker: unary('DrainWorker', (req) => admin.drain(req.workerId), onInternal),
  };
}
