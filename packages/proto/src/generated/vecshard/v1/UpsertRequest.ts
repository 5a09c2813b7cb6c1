// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Vectors to insert or replace.
 */
export interface UpsertRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * n ids, int64 LE. An id already stored is replaced (also when the new
   * vector belongs to another list or shard). Ids must be ≥ 0 and unique
   * within the request.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * n·dim float32 LE, row-major, finite.
   */
  'vectors'?: (Buffer | Uint8Array | string);
}

/**
 * Vectors to insert or replace.
 */
export interface UpsertRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * n ids, int64 LE. An id already stored is replaced (also when the new
   * vector belongs to another list or shard). Ids must be ≥ 0 and unique
   * within the request.
   */
  'ids': (Buffer);
  /**
   * n·dim float32 LE, row-major, finite.
   */
  'vectors': (Buffer);
}
