// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for a collection's snapshots.
 */
export interface ListSnapshotsRequest {
  /**
   * Collection name; it need not exist in this cluster (restore lists a
   * bucket another cluster wrote).
   */
  'collection'?: (string);
}

/**
 * Asks for a collection's snapshots.
 */
export interface ListSnapshotsRequest__Output {
  /**
   * Collection name; it need not exist in this cluster (restore lists a
   * bucket another cluster wrote).
   */
  'collection': (string);
}
