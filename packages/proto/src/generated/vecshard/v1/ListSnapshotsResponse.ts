// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { SnapshotInfo as _vecshard_v1_SnapshotInfo, SnapshotInfo__Output as _vecshard_v1_SnapshotInfo__Output } from '../../vecshard/v1/SnapshotInfo.js';

/**
 * A collection's snapshots, newest first.
 */
export interface ListSnapshotsResponse {
  /**
   * Newest first.
   */
  'snapshots'?: (_vecshard_v1_SnapshotInfo)[];
}

/**
 * A collection's snapshots, newest first.
 */
export interface ListSnapshotsResponse__Output {
  /**
   * Newest first.
   */
  'snapshots': (_vecshard_v1_SnapshotInfo__Output)[];
}
