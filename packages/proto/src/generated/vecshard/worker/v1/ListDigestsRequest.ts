// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * A collection whose lists to digest.
 */
export interface ListDigestsRequest {
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
 * A collection whose lists to digest.
 */
export interface ListDigestsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
}
