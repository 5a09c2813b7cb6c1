// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../../vecshard/v1/FieldColumn.js';
import type { MatchStatsResponse as _vecshard_worker_v1_MatchStatsResponse, MatchStatsResponse__Output as _vecshard_worker_v1_MatchStatsResponse__Output } from '../../../vecshard/worker/v1/MatchStatsResponse.js';

/**
 * Per-query top k from this shard's lists.
 */
export interface SearchPreassignedResponse {
  /**
   * nq·k int64 LE; -1 where fewer than k. Empty: no hits at all (no row matches).
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * nq·k float32 LE.
   */
  'distances'?: (Buffer | Uint8Array | string);
  /**
   * The output fields of each hit slot (nq·k rows).
   */
  'fields'?: (_vecshard_v1_FieldColumn)[];
  /**
   * Only when the shard planned alone (exact_share): the filter's matches,
   * per list, and whether it searched them.
   */
  'matches'?: (_vecshard_worker_v1_MatchStatsResponse | null);
  'searched'?: (boolean);
}

/**
 * Per-query top k from this shard's lists.
 */
export interface SearchPreassignedResponse__Output {
  /**
   * nq·k int64 LE; -1 where fewer than k. Empty: no hits at all (no row matches).
   */
  'ids': (Buffer);
  /**
   * nq·k float32 LE.
   */
  'distances': (Buffer);
  /**
   * The output fields of each hit slot (nq·k rows).
   */
  'fields': (_vecshard_v1_FieldColumn__Output)[];
  /**
   * Only when the shard planned alone (exact_share): the filter's matches,
   * per list, and whether it searched them.
   */
  'matches': (_vecshard_worker_v1_MatchStatsResponse__Output | null);
  'searched': (boolean);
}
