// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for a collection's routing table.
 */
export interface GetRoutingTableRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
}

/**
 * Asks for a collection's routing table.
 */
export interface GetRoutingTableRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
}
