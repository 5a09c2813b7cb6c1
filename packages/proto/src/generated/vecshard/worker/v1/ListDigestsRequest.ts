// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * A collection whose lists to digest.
 */
export interface ListDigestsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
}

/**
 * A collection whose lists to digest.
 */
export interface ListDigestsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
}
