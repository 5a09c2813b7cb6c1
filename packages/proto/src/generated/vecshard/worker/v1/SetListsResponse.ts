// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Changed.
 */
export interface SetListsResponse {
  /**
   * Vectors removed with the lists the shard no longer owns.
   */
  'removed'?: (number | string | Long);
}

/**
 * Changed.
 */
export interface SetListsResponse__Output {
  /**
   * Vectors removed with the lists the shard no longer owns.
   */
  'removed': (string);
}
