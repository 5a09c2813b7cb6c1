// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Lists whose content to stream.
 */
export interface ExportListsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Owned list ids; empty = every owned list.
   */
  'lists'?: (number)[];
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
}

/**
 * Lists whose content to stream.
 */
export interface ExportListsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Owned list ids; empty = every owned list.
   */
  'lists': (number)[];
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
}
