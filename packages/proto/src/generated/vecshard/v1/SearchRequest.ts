// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Nearest-neighbour queries.
 */
export interface SearchRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * nq·dim float32 LE, row-major, finite.
   */
  'queries'?: (Buffer | Uint8Array | string);
  /**
   * Neighbours per query, 1..4096.
   */
  'k'?: (number);
  /**
   * Lists probed per query, 1..nlist; 0 means the collection's default.
   */
  'nprobe'?: (number);
  /**
   * Answer from the shards that answered when some shard has no replica
   * answering, instead of failing with UNAVAILABLE (see
   * SearchResponse.partial).
   */
  'allowPartial'?: (boolean);
}

/**
 * Nearest-neighbour queries.
 */
export interface SearchRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * nq·dim float32 LE, row-major, finite.
   */
  'queries': (Buffer);
  /**
   * Neighbours per query, 1..4096.
   */
  'k': (number);
  /**
   * Lists probed per query, 1..nlist; 0 means the collection's default.
   */
  'nprobe': (number);
  /**
   * Answer from the shards that answered when some shard has no replica
   * answering, instead of failing with UNAVAILABLE (see
   * SearchResponse.partial).
   */
  'allowPartial': (boolean);
}
