// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Ids to remove.
 */
export interface DeleteRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
}

/**
 * Ids to remove.
 */
export interface DeleteRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
}
