// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * Where a job is.
 */
export const JobState = {
  /**
   * Not reported.
   */
  JOB_STATE_UNSPECIFIED: 'JOB_STATE_UNSPECIFIED',
  /**
   * Waiting for a coordinator to run it (also while waiting to retry).
   */
  JOB_STATE_QUEUED: 'JOB_STATE_QUEUED',
  /**
   * Running.
   */
  JOB_STATE_RUNNING: 'JOB_STATE_RUNNING',
  /**
   * Finished; `result` says what it did.
   */
  JOB_STATE_COMPLETED: 'JOB_STATE_COMPLETED',
  /**
   * Gave up after its attempts; `error` says why.
   */
  JOB_STATE_FAILED: 'JOB_STATE_FAILED',
} as const;

/**
 * Where a job is.
 */
export type JobState =
  /**
   * Not reported.
   */
  | 'JOB_STATE_UNSPECIFIED'
  | 0
  /**
   * Waiting for a coordinator to run it (also while waiting to retry).
   */
  | 'JOB_STATE_QUEUED'
  | 1
  /**
   * Running.
   */
  | 'JOB_STATE_RUNNING'
  | 2
  /**
   * Finished; `result` says what it did.
   */
  | 'JOB_STATE_COMPLETED'
  | 3
  /**
   * Gave up after its attempts; `error` says why.
   */
  | 'JOB_STATE_FAILED'
  | 4

/**
 * Where a job is.
 */
export type JobState__Output = typeof JobState[keyof typeof JobState]
