// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One collection on this worker.
 */
export interface CollectionStats {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * Lists owned.
   */
  'lists'?: (number);
  /**
   * Vectors held.
   */
  'vectors'?: (number | string | Long);
  /**
   * Approximate heap bytes of the index.
   */
  'memoryBytes'?: (number | string | Long);
  /**
   * SearchPreassigned requests received for this collection since it was
   * attached (one per request, whatever its number of queries).
   */
  'searchRequests'?: (number | string | Long);
  /**
   * Queries received in those requests.
   */
  'searchQueries'?: (number | string | Long);
  /**
   * Attached with `loading` and not finished yet: searches are refused.
   */
  'loading'?: (boolean);
}

/**
 * One collection on this worker.
 */
export interface CollectionStats__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * Lists owned.
   */
  'lists': (number);
  /**
   * Vectors held.
   */
  'vectors': (string);
  /**
   * Approximate heap bytes of the index.
   */
  'memoryBytes': (string);
  /**
   * SearchPreassigned requests received for this collection since it was
   * attached (one per request, whatever its number of queries).
   */
  'searchRequests': (string);
  /**
   * Queries received in those requests.
   */
  'searchQueries': (string);
  /**
   * Attached with `loading` and not finished yet: searches are refused.
   */
  'loading': (boolean);
}
