// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks to restore a collection from a snapshot.
 */
export interface RestoreRequest {
  /**
   * Collection name (as snapshotted). Refused with ALREADY_EXISTS while a
   * collection of that name exists: drop it first.
   */
  'collection'?: (string);
  /**
   * Snapshot id; empty = the latest.
   */
  'snapshotId'?: (string);
}

/**
 * Asks to restore a collection from a snapshot.
 */
export interface RestoreRequest__Output {
  /**
   * Collection name (as snapshotted). Refused with ALREADY_EXISTS while a
   * collection of that name exists: drop it first.
   */
  'collection': (string);
  /**
   * Snapshot id; empty = the latest.
   */
  'snapshotId': (string);
}
