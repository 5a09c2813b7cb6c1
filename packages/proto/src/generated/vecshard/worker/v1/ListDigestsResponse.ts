// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { ListDigest as _vecshard_worker_v1_ListDigest, ListDigest__Output as _vecshard_worker_v1_ListDigest__Output } from '../../../vecshard/worker/v1/ListDigest.js';

/**
 * Every owned list that holds vectors.
 */
export interface ListDigestsResponse {
  /**
   * By list id.
   */
  'digests'?: (_vecshard_worker_v1_ListDigest)[];
}

/**
 * Every owned list that holds vectors.
 */
export interface ListDigestsResponse__Output {
  /**
   * By list id.
   */
  'digests': (_vecshard_worker_v1_ListDigest__Output)[];
}
