// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks to even out a collection's placement.
 */
export interface RebalanceRequest {
  /**
   * The collection; empty means every collection.
   */
  'collection'?: (string);
}

/**
 * Asks to even out a collection's placement.
 */
export interface RebalanceRequest__Output {
  /**
   * The collection; empty means every collection.
   */
  'collection': (string);
}
