// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Names a job.
 */
export interface GetJobRequest {
  /**
   * The id a job-returning call gave.
   */
  'id'?: (string);
}

/**
 * Names a job.
 */
export interface GetJobRequest__Output {
  /**
   * The id a job-returning call gave.
   */
  'id': (string);
}
