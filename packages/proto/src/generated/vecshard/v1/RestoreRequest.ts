// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks to restore a collection from a snapshot.
 */
export interface RestoreRequest {
  /**
   * Collection name (as snapshotted). A collection of that name is replaced:
   * its shards are dropped and rebuilt from the snapshot, and its write log
   * is emptied. Searches meanwhile see the collection absent or partial.
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
   * Collection name (as snapshotted). A collection of that name is replaced:
   * its shards are dropped and rebuilt from the snapshot, and its write log
   * is emptied. Searches meanwhile see the collection absent or partial.
   */
  'collection': (string);
  /**
   * Snapshot id; empty = the latest.
   */
  'snapshotId': (string);
}
