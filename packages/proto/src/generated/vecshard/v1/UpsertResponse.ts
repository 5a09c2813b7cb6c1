// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Upsert acknowledged: every shard stored its part.
 */
export interface UpsertResponse {
  /**
   * Vectors written.
   */
  'upserted'?: (number | string | Long);
}

/**
 * Upsert acknowledged: every shard stored its part.
 */
export interface UpsertResponse__Output {
  /**
   * Vectors written.
   */
  'upserted': (string);
}
