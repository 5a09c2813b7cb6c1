// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../vecshard/v1/FieldColumn.js';

/**
 * The rows found (ids not stored are left out), in request order.
 */
export interface GetResponse {
  'ids'?: (Buffer | Uint8Array | string);
  'vectors'?: (Buffer | Uint8Array | string);
  'fields'?: (_vecshard_v1_FieldColumn)[];
}

/**
 * The rows found (ids not stored are left out), in request order.
 */
export interface GetResponse__Output {
  'ids': (Buffer);
  'vectors': (Buffer);
  'fields': (_vecshard_v1_FieldColumn__Output)[];
}
