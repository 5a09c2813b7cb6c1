// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Rows matching.
 */
export interface MatchStatsResponse {
  /**
   * Rows matching in the whole shard.
   */
  'count'?: (number | string | Long);
  /**
   * Lists holding matches, ascending, and how many each holds (per_list).
   */
  'lists'?: (number)[];
  'listCounts'?: (number | string | Long)[];
  /**
   * Rows the shard holds.
   */
  'rows'?: (number | string | Long);
}

/**
 * Rows matching.
 */
export interface MatchStatsResponse__Output {
  /**
   * Rows matching in the whole shard.
   */
  'count': (string);
  /**
   * Lists holding matches, ascending, and how many each holds (per_list).
   */
  'lists': (number)[];
  'listCounts': (string)[];
  /**
   * Rows the shard holds.
   */
  'rows': (string);
}
