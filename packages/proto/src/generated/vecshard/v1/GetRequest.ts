// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Rows by id.
 */
export interface GetRequest {
  'collection'?: (string);
  /**
   * int64 LE ids.
   */
  'ids'?: (Buffer | Uint8Array | string);
  'outputFields'?: (string)[];
  'withVectors'?: (boolean);
}

/**
 * Rows by id.
 */
export interface GetRequest__Output {
  'collection': (string);
  /**
   * int64 LE ids.
   */
  'ids': (Buffer);
  'outputFields': (string)[];
  'withVectors': (boolean);
}
