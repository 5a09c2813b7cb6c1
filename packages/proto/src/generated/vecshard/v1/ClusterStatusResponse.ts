// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { WorkerStatus as _vecshard_v1_WorkerStatus, WorkerStatus__Output as _vecshard_v1_WorkerStatus__Output } from '../../vecshard/v1/WorkerStatus.js';
import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from '../../vecshard/v1/CollectionInfo.js';

/**
 * The cluster as the coordinator sees it.
 */
export interface ClusterStatusResponse {
  /**
   * Registered shard workers, sorted by id; dead ones stay listed with
   * alive = false until they come back or are forgotten.
   */
  'workers'?: (_vecshard_v1_WorkerStatus)[];
  /**
   * Every collection (without template bytes).
   */
  'collections'?: (_vecshard_v1_CollectionInfo)[];
}

/**
 * The cluster as the coordinator sees it.
 */
export interface ClusterStatusResponse__Output {
  /**
   * Registered shard workers, sorted by id; dead ones stay listed with
   * alive = false until they come back or are forgotten.
   */
  'workers': (_vecshard_v1_WorkerStatus__Output)[];
  /**
   * Every collection (without template bytes).
   */
  'collections': (_vecshard_v1_CollectionInfo__Output)[];
}
