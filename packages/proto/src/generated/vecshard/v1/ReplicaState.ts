// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * The state of one copy of a shard.
 */
export const ReplicaState = {
  /**
   * Not reported.
   */
  REPLICA_STATE_UNSPECIFIED: 'REPLICA_STATE_UNSPECIFIED',
  /**
   * Holds every acknowledged write: searches may read it.
   */
  REPLICA_STATE_READY: 'REPLICA_STATE_READY',
  /**
   * Missed writes (it failed, lagged or was down) or is being filled: it
   * takes writes but serves no search until it has caught up.
   */
  REPLICA_STATE_CATCHING_UP: 'REPLICA_STATE_CATCHING_UP',
  /**
   * Its worker is not alive.
   */
  REPLICA_STATE_DOWN: 'REPLICA_STATE_DOWN',
} as const;

/**
 * The state of one copy of a shard.
 */
export type ReplicaState =
  /**
   * Not reported.
   */
  | 'REPLICA_STATE_UNSPECIFIED'
  | 0
  /**
   * Holds every acknowledged write: searches may read it.
   */
  | 'REPLICA_STATE_READY'
  | 1
  /**
   * Missed writes (it failed, lagged or was down) or is being filled: it
   * takes writes but serves no search until it has caught up.
   */
  | 'REPLICA_STATE_CATCHING_UP'
  | 2
  /**
   * Its worker is not alive.
   */
  | 'REPLICA_STATE_DOWN'
  | 3

/**
 * The state of one copy of a shard.
 */
export type ReplicaState__Output = typeof ReplicaState[keyof typeof ReplicaState]
