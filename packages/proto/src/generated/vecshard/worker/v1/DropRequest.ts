// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * A collection to forget (every shard of it the worker holds).
 */
export interface DropRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
}

/**
 * A collection to forget (every shard of it the worker holds).
 */
export interface DropRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
}
