// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * One inverted list's content, exactly as FAISS stores it.
 */
export interface ListContent {
  /**
   * List id.
   */
  'list'?: (number);
  /**
   * n ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * n codes of the index's code size each (raw float32 rows for IVF-Flat).
   */
  'codes'?: (Buffer | Uint8Array | string);
  /**
   * The rows' fields, encoded as a snapshot blob stores them (empty for a
   * collection without fields).
   */
  'fields'?: (Buffer | Uint8Array | string);
}

/**
 * One inverted list's content, exactly as FAISS stores it.
 */
export interface ListContent__Output {
  /**
   * List id.
   */
  'list': (number);
  /**
   * n ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * n codes of the index's code size each (raw float32 rows for IVF-Flat).
   */
  'codes': (Buffer);
  /**
   * The rows' fields, encoded as a snapshot blob stores them (empty for a
   * collection without fields).
   */
  'fields': (Buffer);
}
