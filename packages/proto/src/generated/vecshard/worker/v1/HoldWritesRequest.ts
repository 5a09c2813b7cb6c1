// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Writes below an epoch are refused.
 */
export interface HoldWritesRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * Writes routed by an older epoch are refused (ABORTED "write fenced").
   */
  'epoch'?: (number | string | Long);
}

/**
 * Writes below an epoch are refused.
 */
export interface HoldWritesRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * Writes routed by an older epoch are refused (ABORTED "write fenced").
   */
  'epoch': (string);
}
