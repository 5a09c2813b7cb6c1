// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * A collection whose loading is complete.
 */
export interface FinishLoadingRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
}

/**
 * A collection whose loading is complete.
 */
export interface FinishLoadingRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
}
