// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../../vecshard/v1/FieldColumn.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Vectors already assigned to lists.
 */
export interface AddPreassignedRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * n ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * n·dim float32 LE.
   */
  'vectors'?: (Buffer | Uint8Array | string);
  /**
   * n list ids, int64 LE, each owned by this worker.
   */
  'lists'?: (Buffer | Uint8Array | string);
  /**
   * Ids, int64 LE, to remove before adding if held: the whole upsert batch,
   * so a vector moving to another shard leaves no stale copy here.
   */
  'replaceIds'?: (Buffer | Uint8Array | string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
  /**
   * The rows' fields, one column per field of the schema, n rows each, in
   * the order of `ids`.
   */
  'fields'?: (_vecshard_v1_FieldColumn)[];
  /**
   * The placement epoch the write was routed by: a copy attached (or fenced)
   * at a later epoch refuses it with ABORTED, so a write delayed past a
   * refill, or routed by a coordinator whose view is out of date, is never
   * applied to a copy that no longer expects it.
   */
  'epoch'?: (number | string | Long);
  /**
   * The write's sequence in the collection (taken from the cluster state by
   * the coordinator): a row already changed by a write of a higher sequence
   * is left as it is, so copies apply concurrent writes alike. 0: none.
   */
  'seq'?: (number | string | Long);
}

/**
 * Vectors already assigned to lists.
 */
export interface AddPreassignedRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * n ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * n·dim float32 LE.
   */
  'vectors': (Buffer);
  /**
   * n list ids, int64 LE, each owned by this worker.
   */
  'lists': (Buffer);
  /**
   * Ids, int64 LE, to remove before adding if held: the whole upsert batch,
   * so a vector moving to another shard leaves no stale copy here.
   */
  'replaceIds': (Buffer);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
  /**
   * The rows' fields, one column per field of the schema, n rows each, in
   * the order of `ids`.
   */
  'fields': (_vecshard_v1_FieldColumn__Output)[];
  /**
   * The placement epoch the write was routed by: a copy attached (or fenced)
   * at a later epoch refuses it with ABORTED, so a write delayed past a
   * refill, or routed by a coordinator whose view is out of date, is never
   * applied to a copy that no longer expects it.
   */
  'epoch': (string);
  /**
   * The write's sequence in the collection (taken from the cluster state by
   * the coordinator): a row already changed by a write of a higher sequence
   * is left as it is, so copies apply concurrent writes alike. 0: none.
   */
  'seq': (string);
}
