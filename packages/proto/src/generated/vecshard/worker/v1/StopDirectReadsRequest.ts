// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A copy that must stop answering direct client searches.
 */
export interface StopDirectReadsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * The epoch at which the copy was marked stale: from now on it also
   * refuses writes routed by an older epoch.
   */
  'epoch'?: (number | string | Long);
  /**
   * The copy missed writes: it refuses every read, not only direct ones,
   * until attached again (a copy leaving the shard still serves the searches
   * routed to it before the move).
   */
  'stale'?: (boolean);
}

/**
 * A copy that must stop answering direct client searches.
 */
export interface StopDirectReadsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * The epoch at which the copy was marked stale: from now on it also
   * refuses writes routed by an older epoch.
   */
  'epoch': (string);
  /**
   * The copy missed writes: it refuses every read, not only direct ones,
   * until attached again (a copy leaving the shard still serves the searches
   * routed to it before the move).
   */
  'stale': (boolean);
}
