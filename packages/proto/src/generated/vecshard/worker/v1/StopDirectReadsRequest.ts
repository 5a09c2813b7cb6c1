// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * A copy that must stop answering direct client searches.
 */
export interface StopDirectReadsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
}

/**
 * A copy that must stop answering direct client searches.
 */
export interface StopDirectReadsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
}
