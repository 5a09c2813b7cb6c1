// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for one collection.
 */
export interface GetCollectionRequest {
  /**
   * Collection name.
   */
  'name'?: (string);
  /**
   * Also return the trained template index bytes (can be large).
   */
  'includeTemplate'?: (boolean);
}

/**
 * Asks for one collection.
 */
export interface GetCollectionRequest__Output {
  /**
   * Collection name.
   */
  'name': (string);
  /**
   * Also return the trained template index bytes (can be large).
   */
  'includeTemplate': (boolean);
}
