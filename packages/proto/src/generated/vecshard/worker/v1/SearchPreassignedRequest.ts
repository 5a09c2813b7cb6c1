// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../../vecshard/v1/Filter.js';

/**
 * Queries with their coarse assignment.
 */
export interface SearchPreassignedRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * nq·dim float32 LE.
   */
  'queries'?: (Buffer | Uint8Array | string);
  /**
   * Neighbours per query.
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
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard'?: (number);
  /**
   * Only rows matching it are returned.
   */
  'filter'?: (_vecshard_v1_Filter | null);
  /**
   * Search every matching row of the shard exactly, ignoring `lists` (the
   * coordinator's plan for a selective filter).
   */
  'exact'?: (boolean);
  /**
   * Fields to return with each hit.
   */
  'outputFields'?: (string)[];
  /**
   * With a filter and neither `exact` nor lists: the shard plans alone. It
   * searches its matching rows exactly when they are at most this share of
   * its rows (none matching: no hits), and otherwise searches nothing and
   * answers `matches` for the coordinator to plan with. Saves the count's
   * round trip for selective filters and tenants. 0: search as asked.
   */
  'exactShare'?: (number | string);
}

/**
 * Queries with their coarse assignment.
 */
export interface SearchPreassignedRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * nq·dim float32 LE.
   */
  'queries': (Buffer);
  /**
   * Neighbours per query.
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
   * Shard number: a worker may hold several shards of one collection.
   */
  'shard': (number);
  /**
   * Only rows matching it are returned.
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  /**
   * Search every matching row of the shard exactly, ignoring `lists` (the
   * coordinator's plan for a selective filter).
   */
  'exact': (boolean);
  /**
   * Fields to return with each hit.
   */
  'outputFields': (string)[];
  /**
   * With a filter and neither `exact` nor lists: the shard plans alone. It
   * searches its matching rows exactly when they are at most this share of
   * its rows (none matching: no hits), and otherwise searches nothing and
   * answers `matches` for the coordinator to plan with. Saves the count's
   * round trip for selective filters and tenants. 0: search as asked.
   */
  'exactShare': (number);
}
