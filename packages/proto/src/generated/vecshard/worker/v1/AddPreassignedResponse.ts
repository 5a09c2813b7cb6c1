// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Stored.
 */
export interface AddPreassignedResponse {
  /**
   * Vectors added.
   */
  'added'?: (number | string | Long);
  /**
   * Previously stored vectors removed through replace_ids.
   */
  'replaced'?: (number | string | Long);
}

/**
 * Stored.
 */
export interface AddPreassignedResponse__Output {
  /**
   * Vectors added.
   */
  'added': (string);
  /**
   * Previously stored vectors removed through replace_ids.
   */
  'replaced': (string);
}
