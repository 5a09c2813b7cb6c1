import {
  failedPrecondition,
  invalidArgument,
  type Job,
  type ListSnapshotsResponse,
  notFound,
} from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import { checkCollectionName } from '../validation.js';
import type { JobQueue } from './job-queue.js';

/** Snapshot listing, present when the coordinator has an object store. */
export interface SnapshotCatalog {
  list(collection: string): Promise<ListSnapshotsResponse>;
}

/**
 * The jobs an operator starts by hand (snapshots, restores, rebalances and
 * drains) with the checks made before one is queued: shared by the gRPC
 * handlers and the web console, so both refuse and queue alike.
 */
export function adminJobs(ctx: CoordinatorContext, jobs: JobQueue, snapshots: SnapshotCatalog | undefined) {
  const needStore = () => {
    if (!snapshots)
      throw failedPrecondition('this coordinator has no object store: start it with --store URL');
    return snapshots;
  };
  return {
    needStore,

    async snapshot(collection: string): Promise<Job> {
      needStore();
      await ctx.catalog.getReady(collection, 'Snapshot');
      return jobs.enqueue({ kind: 'snapshot', collection });
    },

    async restore(collection: string, snapshotId: string): Promise<Job> {
      needStore();
      checkCollectionName(collection);
      return jobs.enqueue({ kind: 'restore', collection, snapshotId });
    },

    async listSnapshots(collection: string) {
      checkCollectionName(collection);
      return needStore().list(collection);
    },

    async rebalance(collection: string): Promise<Job> {
      if (collection) {
        const { record } = await ctx.catalog.getReady(collection, 'Rebalance');
        if (record.routing !== 'lists') {
          const by = record.partitionKey ? `tenant ("${record.partitionKey}")` : 'id (scatter)';
          throw failedPrecondition(
            `collection "${collection}" places rows by ${by}: every shard holds every list, so shards ` +
              'cannot trade lists (DrainWorker moves whole shards, and so whole tenants)',
          );
        }
      }
      return jobs.enqueue({ kind: 'rebalance', collection });
    },

    async drain(workerId: string): Promise<Job> {
      if (!workerId) throw invalidArgument('worker_id must name a registered worker');
      await ctx.workers.refresh();
      const worker = ctx.workers.get(workerId);
      if (!worker) throw notFound(`worker "${workerId}" is not registered`);
      // One drain per worker process: asking again follows the same job.
      return jobs.enqueue({ kind: 'drain', workerId: worker.id }, `drain-${worker.id}-${worker.startedAtMs}`);
    },
  };
}

export type AdminJobs = ReturnType<typeof adminJobs>;
