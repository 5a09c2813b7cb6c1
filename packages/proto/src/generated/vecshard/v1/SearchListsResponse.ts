// Original file: ../../proto/vecshard/v1/shard_search.proto


/**
 * Per-query top k from the shard's lists.
 */
export interface SearchListsResponse {
  /**
   * nq·k int64 LE, best first; -1 where fewer than k.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * nq·k float32 LE.
   */
  'distances'?: (Buffer | Uint8Array | string);
  /**
   * A filtered search the shard would not serve alone: no hits, ask the coordinator.
   */
  'declined'?: (boolean);
}

/**
 * Per-query top k from the shard's lists.
 */
export interface SearchListsResponse__Output {
  /**
   * nq·k int64 LE, best first; -1 where fewer than k.
   */
  'ids': (Buffer);
  /**
   * nq·k float32 LE.
   */
  'distances': (Buffer);
  /**
   * A filtered search the shard would not serve alone: no hits, ask the coordinator.
   */
  'declined': (boolean);
}
