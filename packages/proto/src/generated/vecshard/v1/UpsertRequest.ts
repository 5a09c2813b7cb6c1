// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../vecshard/v1/FieldColumn.js';

/**
 * Vectors to insert or replace.
 */
export interface UpsertRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * n ids, int64 LE. An id already stored is replaced (also when the new
   * vector belongs to another list or shard). Ids must be ≥ 0 and unique
   * within the request.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * n·dim float32 LE, row-major, finite.
   */
  'vectors'?: (Buffer | Uint8Array | string);
  /**
   * The rows' field values, one column per field (each of n values; fields
   * not sent are missing). An upsert replaces the whole row: vector and fields.
   */
  'fields'?: (_vecshard_v1_FieldColumn)[];
}

/**
 * Vectors to insert or replace.
 */
export interface UpsertRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * n ids, int64 LE. An id already stored is replaced (also when the new
   * vector belongs to another list or shard). Ids must be ≥ 0 and unique
   * within the request.
   */
  'ids': (Buffer);
  /**
   * n·dim float32 LE, row-major, finite.
   */
  'vectors': (Buffer);
  /**
   * The rows' field values, one column per field (each of n values; fields
   * not sent are missing). An upsert replaces the whole row: vector and fields.
   */
  'fields': (_vecshard_v1_FieldColumn__Output)[];
}
