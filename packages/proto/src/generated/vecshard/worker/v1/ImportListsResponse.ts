// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Replaced.
 */
export interface ImportListsResponse {
  /**
   * Vectors now held in the replaced lists.
   */
  'vectors'?: (number | string | Long);
}

/**
 * Replaced.
 */
export interface ImportListsResponse__Output {
  /**
   * Vectors now held in the replaced lists.
   */
  'vectors': (string);
}
