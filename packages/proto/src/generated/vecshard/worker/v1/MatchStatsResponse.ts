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
   * uint32 (a list's rows on one shard), so neither side converts 64-bit
   * numbers for every list of every filtered search; the same varint on the
   * wire as the uint64 it was.
   */
  'lists'?: (number)[];
  'listCounts'?: (number)[];
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
   * uint32 (a list's rows on one shard), so neither side converts 64-bit
   * numbers for every list of every filtered search; the same varint on the
   * wire as the uint64 it was.
   */
  'lists': (number)[];
  'listCounts': (number)[];
  /**
   * Rows the shard holds.
   */
  'rows': (string);
}
