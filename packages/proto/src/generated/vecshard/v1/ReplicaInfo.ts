// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { ReplicaState as _vecshard_v1_ReplicaState, ReplicaState__Output as _vecshard_v1_ReplicaState__Output } from '../../vecshard/v1/ReplicaState.js';

/**
 * One copy of a shard.
 */
export interface ReplicaInfo {
  /**
   * Id of the shard worker holding the copy.
   */
  'workerId'?: (string);
  /**
   * The worker's gRPC address.
   */
  'address'?: (string);
  /**
   * Whether the copy serves searches.
   */
  'state'?: (_vecshard_v1_ReplicaState);
}

/**
 * One copy of a shard.
 */
export interface ReplicaInfo__Output {
  /**
   * Id of the shard worker holding the copy.
   */
  'workerId': (string);
  /**
   * The worker's gRPC address.
   */
  'address': (string);
  /**
   * Whether the copy serves searches.
   */
  'state': (_vecshard_v1_ReplicaState__Output);
}
