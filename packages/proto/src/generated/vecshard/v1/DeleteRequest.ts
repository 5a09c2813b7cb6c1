// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Ids to remove.
 */
export interface DeleteRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
}

/**
 * Ids to remove.
 */
export interface DeleteRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Ids, int64 LE.
   */
  'ids': (Buffer);
}
