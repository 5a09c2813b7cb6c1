// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { JobState as _vecshard_v1_JobState, JobState__Output as _vecshard_v1_JobState__Output } from '../../vecshard/v1/JobState.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A long-running operation.
 */
export interface Job {
  /**
   * Job id, for GetJob and WatchJob.
   */
  'id'?: (string);
  /**
   * Queued, running, completed or failed.
   */
  'state'?: (_vecshard_v1_JobState);
  /**
   * Progress from 0 to 100.
   */
  'progress'?: (number | string);
  /**
   * Why the job failed (last attempt), empty otherwise.
   */
  'error'?: (string);
  /**
   * What the job produced, as JSON (e.g. {"vectors":60000} or {"snapshotId":"…"}).
   */
  'result'?: (string);
  /**
   * "import", "train", "snapshot", "restore", or "recover" (refilling a restarted
   * worker from the newest snapshots).
   */
  'kind'?: (string);
  /**
   * The collection it works on.
   */
  'collection'?: (string);
  /**
   * Units of work done (vectors for imports and training, inverted lists for
   * snapshots and restores, collections for recoveries).
   */
  'done'?: (number | string | Long);
  /**
   * Units of work in all; 0 until the job has started.
   */
  'total'?: (number | string | Long);
  /**
   * Attempts made so far (retries happen with backoff where repeating is safe).
   */
  'attempts'?: (number);
  /**
   * When it was queued, milliseconds since the Unix epoch.
   */
  'createdAtMs'?: (number | string | Long);
  /**
   * When it finished, milliseconds since the Unix epoch (0 = not yet).
   */
  'finishedAtMs'?: (number | string | Long);
}

/**
 * A long-running operation.
 */
export interface Job__Output {
  /**
   * Job id, for GetJob and WatchJob.
   */
  'id': (string);
  /**
   * Queued, running, completed or failed.
   */
  'state': (_vecshard_v1_JobState__Output);
  /**
   * Progress from 0 to 100.
   */
  'progress': (number);
  /**
   * Why the job failed (last attempt), empty otherwise.
   */
  'error': (string);
  /**
   * What the job produced, as JSON (e.g. {"vectors":60000} or {"snapshotId":"…"}).
   */
  'result': (string);
  /**
   * "import", "train", "snapshot", "restore", or "recover" (refilling a restarted
   * worker from the newest snapshots).
   */
  'kind': (string);
  /**
   * The collection it works on.
   */
  'collection': (string);
  /**
   * Units of work done (vectors for imports and training, inverted lists for
   * snapshots and restores, collections for recoveries).
   */
  'done': (string);
  /**
   * Units of work in all; 0 until the job has started.
   */
  'total': (string);
  /**
   * Attempts made so far (retries happen with backoff where repeating is safe).
   */
  'attempts': (number);
  /**
   * When it was queued, milliseconds since the Unix epoch.
   */
  'createdAtMs': (string);
  /**
   * When it finished, milliseconds since the Unix epoch (0 = not yet).
   */
  'finishedAtMs': (string);
}
