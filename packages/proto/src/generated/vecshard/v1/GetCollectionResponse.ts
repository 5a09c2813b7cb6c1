// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from '../../vecshard/v1/CollectionInfo.js';

/**
 * One collection.
 */
export interface GetCollectionResponse {
  /**
   * The collection.
   */
  'collection'?: (_vecshard_v1_CollectionInfo | null);
}

/**
 * One collection.
 */
export interface GetCollectionResponse__Output {
  /**
   * The collection.
   */
  'collection': (_vecshard_v1_CollectionInfo__Output | null);
}
