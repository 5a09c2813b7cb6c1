// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { CollectionStats as _vecshard_worker_v1_CollectionStats, CollectionStats__Output as _vecshard_worker_v1_CollectionStats__Output } from '../../../vecshard/worker/v1/CollectionStats.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The worker's numbers.
 */
export interface StatsResponse {
  /**
   * Worker id.
   */
  'workerId'?: (string);
  /**
   * Device FAISS runs on.
   */
  'device'?: (string);
  /**
   * Per collection.
   */
  'collections'?: (_vecshard_worker_v1_CollectionStats)[];
  /**
   * Resident set size of the process, bytes.
   */
  'rssBytes'?: (number | string | Long);
  /**
   * The FAISS build it searches with: "avx2", "generic" (Debian's) or "gpu".
   */
  'faissBuild'?: (string);
}

/**
 * The worker's numbers.
 */
export interface StatsResponse__Output {
  /**
   * Worker id.
   */
  'workerId': (string);
  /**
   * Device FAISS runs on.
   */
  'device': (string);
  /**
   * Per collection.
   */
  'collections': (_vecshard_worker_v1_CollectionStats__Output)[];
  /**
   * Resident set size of the process, bytes.
   */
  'rssBytes': (string);
  /**
   * The FAISS build it searches with: "avx2", "generic" (Debian's) or "gpu".
   */
  'faissBuild': (string);
}
