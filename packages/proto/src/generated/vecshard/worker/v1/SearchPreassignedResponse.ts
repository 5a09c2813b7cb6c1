// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../../vecshard/v1/FieldColumn.js';

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
  /**
   * The output fields of each hit slot (nq·k rows).
   */
  'fields'?: (_vecshard_v1_FieldColumn)[];
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
  /**
   * The output fields of each hit slot (nq·k rows).
   */
  'fields': (_vecshard_v1_FieldColumn__Output)[];
}
