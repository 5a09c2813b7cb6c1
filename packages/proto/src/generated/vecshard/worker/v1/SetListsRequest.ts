// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The lists a shard owns from now on.
 */
export interface SetListsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * Every list the shard owns from now on.
   */
  'lists'?: (number)[];
  /**
   * The collection's placement epoch from now on (0 keeps the one held):
   * direct searches routed by an older epoch are refused.
   */
  'epoch'?: (number | string | Long);
}

/**
 * The lists a shard owns from now on.
 */
export interface SetListsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * Every list the shard owns from now on.
   */
  'lists': (number)[];
  /**
   * The collection's placement epoch from now on (0 keeps the one held):
   * direct searches routed by an older epoch are refused.
   */
  'epoch': (string);
}
