// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * A training sample.
 */
export interface TrainRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Training vectors: n·dim float32 LE, row-major, finite. n must be at least
   * nlist (FAISS's k-means needs one point per list; ~39·nlist is better).
   */
  'vectors'?: (Buffer | Uint8Array | string);
}

/**
 * A training sample.
 */
export interface TrainRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Training vectors: n·dim float32 LE, row-major, finite. n must be at least
   * nlist (FAISS's k-means needs one point per list; ~39·nlist is better).
   */
  'vectors': (Buffer);
}
