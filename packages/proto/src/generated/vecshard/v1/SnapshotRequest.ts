// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for a snapshot of one collection.
 */
export interface SnapshotRequest {
  /**
   * A trained collection; FAILED_PRECONDITION without an object store.
   */
  'collection'?: (string);
}

/**
 * Asks for a snapshot of one collection.
 */
export interface SnapshotRequest__Output {
  /**
   * A trained collection; FAILED_PRECONDITION without an object store.
   */
  'collection': (string);
}
