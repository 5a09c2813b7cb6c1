// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { ReplicaInfo as _vecshard_v1_ReplicaInfo, ReplicaInfo__Output as _vecshard_v1_ReplicaInfo__Output } from '../../vecshard/v1/ReplicaInfo.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One shard of a collection: the workers that hold it and what it owns.
 */
export interface ShardInfo {
  /**
   * Shard number, 0-based.
   */
  'shard'?: (number);
  /**
   * Id of the shard worker holding the shard: the first READY replica (the
   * first replica when none is READY).
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
  /**
   * Every copy of the shard, on distinct workers.
   */
  'replicas'?: (_vecshard_v1_ReplicaInfo)[];
}

/**
 * One shard of a collection: the workers that hold it and what it owns.
 */
export interface ShardInfo__Output {
  /**
   * Shard number, 0-based.
   */
  'shard': (number);
  /**
   * Id of the shard worker holding the shard: the first READY replica (the
   * first replica when none is READY).
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
  /**
   * Every copy of the shard, on distinct workers.
   */
  'replicas': (_vecshard_v1_ReplicaInfo__Output)[];
}
