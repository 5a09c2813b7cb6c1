import * as grpc from '@grpc/grpc-js';
import { type ListSnapshotsResponse, RpcError } from '@vecshard/proto';
import type { ObjectStore } from '@vecshard/storage';
import type { CoordinatorContext } from '../context.js';
import type { JobProcessor, RestoreJobData, SnapshotJobData } from '../jobs/job-kinds.js';
import { permanent } from '../jobs/job-queue.js';
import { restoreSnapshot } from './restore-snapshot.js';
import { applyRetention } from './snapshot-retention.js';
import { StoredSnapshots } from './stored-snapshots.js';
import { takeSnapshot } from './take-snapshot.js';

export interface SnapshotSettings {
  /** Snapshots kept per collection. */
  kept: number;
  /** Unreferenced blobs younger than this survive retention (a snapshot may be writing them). */
  graceMs: number;
}

export interface SnapshotJobs {
  snapshot: JobProcessor<SnapshotJobData>;
  restore: JobProcessor<RestoreJobData>;
  /** The collections' snapshots in the object store (worker refills read them). */
  stored: StoredSnapshots;
  list(collection: string): Promise<ListSnapshotsResponse>;
}

/** Statuses that describe the request, not the moment: retrying cannot help. */
const PERMANENT_CODES = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.FAILED_PRECONDITION,
]);

/** The snapshot and restore jobs of a coordinator with an object store. */
export function snapshotJobs(
  ctx: CoordinatorContext,
  store: ObjectStore,
  settings: SnapshotSettings,
): SnapshotJobs {
  const snapshots = new StoredSnapshots(store);
  return {
    snapshot: (data, progress) =>
      classify(async () => {
        const result = await takeSnapshot(ctx, snapshots, data.collection, progress);
        const retention = await applyRetention(snapshots, data.collection, settings.kept, settings.graceMs);
        return { ...result, ...retention };
      }),
    restore: (data, progress) =>
      classify(async () => ({
        ...(await restoreSnapshot(ctx, snapshots, data.collection, data.snapshotId, progress)),
      })),
    stored: snapshots,
    list: async (collection) => ({ snapshots: await snapshots.list(collection) }),
  };
}

/** Marks errors a retry cannot fix as permanent, so the job fails at once with the reason. */
export async function classify<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RpcError && PERMANENT_CODES.has(error.code)) throw permanent(error);
    throw error;
  }
}
