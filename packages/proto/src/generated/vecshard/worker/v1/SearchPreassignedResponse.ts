// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Per-query top k from this shard's lists.
 */
export interface SearchPreassignedResponse {
  /**
   * nq·k int64 LE; -1 where fewer than k.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * nq·k float32 LE.
   */
  'distances'?: (Buffer | Uint8Array | string);
}

/**
 * Per-query top k from this shard's lists.
 */
export interface SearchPreassignedResponse__Output {
  /**
   * nq·k int64 LE; -1 where fewer than k.
   */
  'ids': (Buffer);
  /**
   * nq·k float32 LE.
   */
  'distances': (Buffer);
}
