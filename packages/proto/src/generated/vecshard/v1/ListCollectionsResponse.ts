// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from '../../vecshard/v1/CollectionInfo.js';

/**
 * Every collection, sorted by name.
 */
export interface ListCollectionsResponse {
  /**
   * The collections (without template bytes).
   */
  'collections'?: (_vecshard_v1_CollectionInfo)[];
}

/**
 * Every collection, sorted by name.
 */
export interface ListCollectionsResponse__Output {
  /**
   * The collections (without template bytes).
   */
  'collections': (_vecshard_v1_CollectionInfo__Output)[];
}
