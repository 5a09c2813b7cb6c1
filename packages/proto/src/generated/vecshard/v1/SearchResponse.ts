// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from '../../vecshard/v1/FieldColumn.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Results, one row of k per query.
 */
export interface SearchResponse {
  /**
   * Neighbours per query (as requested).
   */
  'k'?: (number);
  /**
   * nq·k int64 LE, row-major, best first; -1 where fewer than k were found.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * nq·k float32 LE matching `ids`: squared L2 (ascending) or inner product /
   * cosine similarity (descending).
   */
  'distances'?: (Buffer | Uint8Array | string);
  /**
   * How many shards were asked (at most the collection's shard count; less
   * when the probed lists live on fewer shards).
   */
  'shardsQueried'?: (number);
  /**
   * Some shards did not answer (only with allow_partial): the results cover
   * the other shards only.
   */
  'partial'?: (boolean);
  /**
   * The shards that did not answer, when partial.
   */
  'missingShards'?: (number)[];
  /**
   * The placement epoch the search was routed by, so a client holding a
   * routing table sees when it is out of date.
   */
  'placementEpoch'?: (number | string | Long);
  /**
   * The requested output fields, one row per hit slot (nq·k, row-major),
   * marked missing where the id is -1.
   */
  'fields'?: (_vecshard_v1_FieldColumn)[];
}

/**
 * Results, one row of k per query.
 */
export interface SearchResponse__Output {
  /**
   * Neighbours per query (as requested).
   */
  'k': (number);
  /**
   * nq·k int64 LE, row-major, best first; -1 where fewer than k were found.
   */
  'ids': (Buffer);
  /**
   * nq·k float32 LE matching `ids`: squared L2 (ascending) or inner product /
   * cosine similarity (descending).
   */
  'distances': (Buffer);
  /**
   * How many shards were asked (at most the collection's shard count; less
   * when the probed lists live on fewer shards).
   */
  'shardsQueried': (number);
  /**
   * Some shards did not answer (only with allow_partial): the results cover
   * the other shards only.
   */
  'partial': (boolean);
  /**
   * The shards that did not answer, when partial.
   */
  'missingShards': (number)[];
  /**
   * The placement epoch the search was routed by, so a client holding a
   * routing table sees when it is out of date.
   */
  'placementEpoch': (string);
  /**
   * The requested output fields, one row per hit slot (nq·k, row-major),
   * marked missing where the id is -1.
   */
  'fields': (_vecshard_v1_FieldColumn__Output)[];
}
