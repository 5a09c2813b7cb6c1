// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';

/**
 * Every row matching a filter, in pages.
 */
export interface QueryRequest {
  'collection'?: (string);
  'filter'?: (_vecshard_v1_Filter | null);
  /**
   * Rows per page (0 = 100; at most 10000).
   */
  'limit'?: (number);
  /**
   * From the previous page's next_cursor; empty for the first page.
   */
  'cursor'?: (string);
  'outputFields'?: (string)[];
  'withVectors'?: (boolean);
  'filterExpression'?: (string);
}

/**
 * Every row matching a filter, in pages.
 */
export interface QueryRequest__Output {
  'collection': (string);
  'filter': (_vecshard_v1_Filter__Output | null);
  /**
   * Rows per page (0 = 100; at most 10000).
   */
  'limit': (number);
  /**
   * From the previous page's next_cursor; empty for the first page.
   */
  'cursor': (string);
  'outputFields': (string)[];
  'withVectors': (boolean);
  'filterExpression': (string);
}
