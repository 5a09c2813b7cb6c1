import type { ListSnapshotsResponse } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import type { JobProcessor, RestoreJobData, SnapshotJobData } from '../jobs/job-kinds.js';

export interface SnapshotJobs {
  snapshot: JobProcessor<SnapshotJobData>;
  restore: JobProcessor<RestoreJobData>;
  list(collection: string): Promise<ListSnapshotsResponse>;
}

export function snapshotJobs(_ctx: CoordinatorContext, _storeUrl: string, _kept: number): SnapshotJobs {
  throw new Error('snapshots are being written');
}
