// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../../vecshard/v1/FieldColumn.js';

/**
 * The rows found.
 */
export interface ReadRowsResponse {
  /**
   * int64 LE, in request order (by id) or ascending (by filter).
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * float32 LE rows, when asked.
   */
  'vectors'?: (Buffer | Uint8Array | string);
  'fields'?: (_vecshard_v1_FieldColumn)[];
}

/**
 * The rows found.
 */
export interface ReadRowsResponse__Output {
  /**
   * int64 LE, in request order (by id) or ascending (by filter).
   */
  'ids': (Buffer);
  /**
   * float32 LE rows, when asked.
   */
  'vectors': (Buffer);
  'fields': (_vecshard_v1_FieldColumn__Output)[];
}
