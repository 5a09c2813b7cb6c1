// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Removed.
 */
export interface DeleteResponse {
  /**
   * Vectors removed.
   */
  'deleted'?: (number | string | Long);
}

/**
 * Removed.
 */
export interface DeleteResponse__Output {
  /**
   * Vectors removed.
   */
  'deleted': (string);
}
