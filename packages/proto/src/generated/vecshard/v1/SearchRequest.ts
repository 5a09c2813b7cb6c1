// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';

/**
 * Nearest-neighbour queries.
 */
export interface SearchRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * nq·dim float32 LE, row-major, finite.
   */
  'queries'?: (Buffer | Uint8Array | string);
  /**
   * Neighbours per query, 1..4096.
   */
  'k'?: (number);
  /**
   * Lists probed per query, 1..nlist; 0 means the collection's default.
   */
  'nprobe'?: (number);
  /**
   * Answer from the shards that answered when some shard has no replica
   * answering, instead of failing with UNAVAILABLE (see
   * SearchResponse.partial).
   */
  'allowPartial'?: (boolean);
  /**
   * Only rows matching this filter are returned; every query gets
   * min(k, matching rows) results.
   */
  'filter'?: (_vecshard_v1_Filter | null);
  /**
   * Fields to return with each hit (SearchResponse.fields).
   */
  'outputFields'?: (string)[];
  /**
   * The filter as an expression, e.g. `color == 'red' and price < 100`,
   * parsed by the coordinator. Setting both it and `filter` is refused.
   */
  'filterExpression'?: (string);
}

/**
 * Nearest-neighbour queries.
 */
export interface SearchRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * nq·dim float32 LE, row-major, finite.
   */
  'queries': (Buffer);
  /**
   * Neighbours per query, 1..4096.
   */
  'k': (number);
  /**
   * Lists probed per query, 1..nlist; 0 means the collection's default.
   */
  'nprobe': (number);
  /**
   * Answer from the shards that answered when some shard has no replica
   * answering, instead of failing with UNAVAILABLE (see
   * SearchResponse.partial).
   */
  'allowPartial': (boolean);
  /**
   * Only rows matching this filter are returned; every query gets
   * min(k, matching rows) results.
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  /**
   * Fields to return with each hit (SearchResponse.fields).
   */
  'outputFields': (string)[];
  /**
   * The filter as an expression, e.g. `color == 'red' and price < 100`,
   * parsed by the coordinator. Setting both it and `filter` is refused.
   */
  'filterExpression': (string);
}
