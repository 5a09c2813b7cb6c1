// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { ListContent as _vecshard_worker_v1_ListContent, ListContent__Output as _vecshard_worker_v1_ListContent__Output } from '../../../vecshard/worker/v1/ListContent.js';
import type { RowVersions as _vecshard_worker_v1_RowVersions, RowVersions__Output as _vecshard_worker_v1_RowVersions__Output } from '../../../vecshard/worker/v1/RowVersions.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Lists to replace.
 */
export interface ImportListsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * New content of each list; each must be owned by the worker.
   */
  'lists'?: (_vecshard_worker_v1_ListContent)[];
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
  /**
   * The placement epoch of the refill, restore or move sending the lists
   * (see AddPreassignedRequest.epoch).
   */
  'epoch'?: (number | string | Long);
  /**
   * The sending copy's write sequences for these lists' rows and the ids it
   * no longer holds (a move's old owner, a refill's peer), taken in before
   * the lists (the higher of the two is kept per id). May come with no lists.
   */
  'versions'?: (_vecshard_worker_v1_RowVersions | null);
}

/**
 * Lists to replace.
 */
export interface ImportListsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * New content of each list; each must be owned by the worker.
   */
  'lists': (_vecshard_worker_v1_ListContent__Output)[];
  /**
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
  /**
   * The placement epoch of the refill, restore or move sending the lists
   * (see AddPreassignedRequest.epoch).
   */
  'epoch': (string);
  /**
   * The sending copy's write sequences for these lists' rows and the ids it
   * no longer holds (a move's old owner, a refill's peer), taken in before
   * the lists (the higher of the two is kept per id). May come with no lists.
   */
  'versions': (_vecshard_worker_v1_RowVersions__Output | null);
}
