// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Names a job.
 */
export interface GetJobRequest {
  'id'?: (string);
}

/**
 * Names a job.
 */
export interface GetJobRequest__Output {
  'id': (string);
}
