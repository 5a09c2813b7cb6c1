// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../vecshard/v1/FieldColumn.js';

/**
 * One page of rows, by ascending id.
 */
export interface QueryResponse {
  'ids'?: (Buffer | Uint8Array | string);
  'vectors'?: (Buffer | Uint8Array | string);
  'fields'?: (_vecshard_v1_FieldColumn)[];
  /**
   * Empty when there are no more rows.
   */
  'nextCursor'?: (string);
}

/**
 * One page of rows, by ascending id.
 */
export interface QueryResponse__Output {
  'ids': (Buffer);
  'vectors': (Buffer);
  'fields': (_vecshard_v1_FieldColumn__Output)[];
  /**
   * Empty when there are no more rows.
   */
  'nextCursor': (string);
}
