// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * The lists a shard owns from now on.
 */
export interface SetListsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * Every list the shard owns from now on.
   */
  'lists'?: (number)[];
}

/**
 * The lists a shard owns from now on.
 */
export interface SetListsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * Every list the shard owns from now on.
   */
  'lists': (number)[];
}
