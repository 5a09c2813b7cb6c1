// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../../vecshard/v1/Filter.js';

/**
 * A filter to count.
 */
export interface MatchStatsRequest {
  'collection'?: (string);
  'shard'?: (number);
  /**
   * No filter: every row.
   */
  'filter'?: (_vecshard_v1_Filter | null);
  /**
   * Also count per list.
   */
  'perList'?: (boolean);
}

/**
 * A filter to count.
 */
export interface MatchStatsRequest__Output {
  'collection': (string);
  'shard': (number);
  /**
   * No filter: every row.
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  /**
   * Also count per list.
   */
  'perList': (boolean);
}
