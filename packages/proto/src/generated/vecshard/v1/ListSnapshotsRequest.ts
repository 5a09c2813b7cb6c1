// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for a collection's snapshots.
 */
export interface ListSnapshotsRequest {
  'collection'?: (string);
}

/**
 * Asks for a collection's snapshots.
 */
export interface ListSnapshotsRequest__Output {
  'collection': (string);
}
