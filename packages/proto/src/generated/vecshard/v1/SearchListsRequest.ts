// Original file: ../../proto/vecshard/v1/shard_search.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One shard's part of a directly routed search.
 */
export interface SearchListsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * nq·dim float32 LE, row-major, raw (cosine queries are normalised by the worker).
   */
  'queries'?: (Buffer | Uint8Array | string);
  /**
   * Neighbours per query, 1..4096.
   */
  'k'?: (number);
  /**
   * nq·nprobe list ids, int64 LE; -1 for a list this shard does not search.
   */
  'lists'?: (Buffer | Uint8Array | string);
  /**
   * nq·nprobe centroid distances, float32 LE, matching `lists`.
   */
  'centroidDistances'?: (Buffer | Uint8Array | string);
  /**
   * The placement epoch the caller routed by (RoutingTable.epoch).
   */
  'epoch'?: (number | string | Long);
  /**
   * RoutingTable.quantizer_digest of the table the caller routed by.
   */
  'quantizerDigest'?: (Buffer | Uint8Array | string);
  /**
   * A filtered one-hop search (no lists): only rows matching `filter`. The
   * shard searches its matching rows exactly when they are at most
   * `exact_share` of its rows (the coordinator's bound for an exact search,
   * max(0.01, 4·nprobe/nlist)); otherwise it searches nothing and answers
   * `declined` (ask the coordinator, which plans from every shard's counts).
   */
  'filter'?: (_vecshard_v1_Filter | null);
  'exactShare'?: (number | string);
}

/**
 * One shard's part of a directly routed search.
 */
export interface SearchListsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * nq·dim float32 LE, row-major, raw (cosine queries are normalised by the worker).
   */
  'queries': (Buffer);
  /**
   * Neighbours per query, 1..4096.
   */
  'k': (number);
  /**
   * nq·nprobe list ids, int64 LE; -1 for a list this shard does not search.
   */
  'lists': (Buffer);
  /**
   * nq·nprobe centroid distances, float32 LE, matching `lists`.
   */
  'centroidDistances': (Buffer);
  /**
   * The placement epoch the caller routed by (RoutingTable.epoch).
   */
  'epoch': (string);
  /**
   * RoutingTable.quantizer_digest of the table the caller routed by.
   */
  'quantizerDigest': (Buffer);
  /**
   * A filtered one-hop search (no lists): only rows matching `filter`. The
   * shard searches its matching rows exactly when they are at most
   * `exact_share` of its rows (the coordinator's bound for an exact search,
   * max(0.01, 4·nprobe/nlist)); otherwise it searches nothing and answers
   * `declined` (ask the coordinator, which plans from every shard's counts).
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  'exactShare': (number);
}
