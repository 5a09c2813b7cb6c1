// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from '../../vecshard/v1/CollectionInfo.js';

/**
 * Training done and lists placed.
 */
export interface TrainResponse {
  /**
   * The collection, now READY, with its placement.
   */
  'collection'?: (_vecshard_v1_CollectionInfo | null);
}

/**
 * Training done and lists placed.
 */
export interface TrainResponse__Output {
  /**
   * The collection, now READY, with its placement.
   */
  'collection': (_vecshard_v1_CollectionInfo__Output | null);
}
