// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';

/**
 * Counts rows matching a filter (every row without one).
 */
export interface CountRequest {
  'collection'?: (string);
  'filter'?: (_vecshard_v1_Filter | null);
  'filterExpression'?: (string);
}

/**
 * Counts rows matching a filter (every row without one).
 */
export interface CountRequest__Output {
  'collection': (string);
  'filter': (_vecshard_v1_Filter__Output | null);
  'filterExpression': (string);
}
