// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Ids to remove.
 */
export interface DeleteRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
  /**
   * The placement epoch the write was routed by (see AddPreassignedRequest.epoch).
   */
  'epoch'?: (number | string | Long);
  /**
   * The write's sequence (see AddPreassignedRequest.seq).
   */
  'seq'?: (number | string | Long);
}

/**
 * Ids to remove.
 */
export interface DeleteRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
  /**
   * The placement epoch the write was routed by (see AddPreassignedRequest.epoch).
   */
  'epoch': (string);
  /**
   * The write's sequence (see AddPreassignedRequest.seq).
   */
  'seq': (string);
}
