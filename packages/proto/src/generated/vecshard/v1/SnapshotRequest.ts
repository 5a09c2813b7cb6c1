// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for a snapshot of one collection.
 */
export interface SnapshotRequest {
  'collection'?: (string);
}

/**
 * Asks for a snapshot of one collection.
 */
export interface SnapshotRequest__Output {
  'collection': (string);
}
