// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One shard of a collection: the worker that holds it and what it owns.
 */
export interface ShardInfo {
  /**
   * Shard number, 0-based.
   */
  'shard'?: (number);
  /**
   * Id of the shard worker holding the shard.
   */
  'workerId'?: (string);
  /**
   * The worker's gRPC address.
   */
  'address'?: (string);
  /**
   * Inverted lists the shard owns (every list under ROUTING_SCATTER).
   */
  'lists'?: (number)[];
  /**
   * Vectors of the training sample that fell into the shard's lists: the
   * load the placement balanced.
   */
  'expectedVectors'?: (number | string | Long);
}

/**
 * One shard of a collection: the worker that holds it and what it owns.
 */
export interface ShardInfo__Output {
  /**
   * Shard number, 0-based.
   */
  'shard': (number);
  /**
   * Id of the shard worker holding the shard.
   */
  'workerId': (string);
  /**
   * The worker's gRPC address.
   */
  'address': (string);
  /**
   * Inverted lists the shard owns (every list under ROUTING_SCATTER).
   */
  'lists': (number)[];
  /**
   * Vectors of the training sample that fell into the shard's lists: the
   * load the placement balanced.
   */
  'expectedVectors': (string);
}
