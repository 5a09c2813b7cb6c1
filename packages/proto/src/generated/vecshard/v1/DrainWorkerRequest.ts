// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks to empty a worker.
 */
export interface DrainWorkerRequest {
  /**
   * The worker's id.
   */
  'workerId'?: (string);
}

/**
 * Asks to empty a worker.
 */
export interface DrainWorkerRequest__Output {
  /**
   * The worker's id.
   */
  'workerId': (string);
}
