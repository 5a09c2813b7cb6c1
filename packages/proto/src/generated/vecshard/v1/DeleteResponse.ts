// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Deletion done on every shard.
 */
export interface DeleteResponse {
  /**
   * Vectors actually removed (ids that were not stored are not counted): the
   * exact number, also for a filter.
   */
  'deleted'?: (number | string | Long);
}

/**
 * Deletion done on every shard.
 */
export interface DeleteResponse__Output {
  /**
   * Vectors actually removed (ids that were not stored are not counted): the
   * exact number, also for a filter.
   */
  'deleted': (string);
}
