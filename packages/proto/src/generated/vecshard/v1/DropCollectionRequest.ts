// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks to drop a collection.
 */
export interface DropCollectionRequest {
  /**
   * Collection name.
   */
  'name'?: (string);
}

/**
 * Asks to drop a collection.
 */
export interface DropCollectionRequest__Output {
  /**
   * Collection name.
   */
  'name': (string);
}
