// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from '../../vecshard/v1/CollectionInfo.js';

/**
 * The collection as created.
 */
export interface CreateCollectionResponse {
  /**
   * The new collection.
   */
  'collection'?: (_vecshard_v1_CollectionInfo | null);
}

/**
 * The collection as created.
 */
export interface CreateCollectionResponse__Output {
  /**
   * The new collection.
   */
  'collection': (_vecshard_v1_CollectionInfo__Output | null);
}
