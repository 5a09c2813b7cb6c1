// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';

/**
 * Ids to remove, or a filter naming them (not both).
 */
export interface DeleteRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * Removes every row matching the filter.
   */
  'filter'?: (_vecshard_v1_Filter | null);
  /**
   * The same as text (see SearchRequest.filter_expression).
   */
  'filterExpression'?: (string);
}

/**
 * Ids to remove, or a filter naming them (not both).
 */
export interface DeleteRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * Removes every row matching the filter.
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  /**
   * The same as text (see SearchRequest.filter_expression).
   */
  'filterExpression': (string);
}
