// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Which rows' write sequences to export.
 */
export interface ExportVersionsRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Shard number.
   */
  'shard'?: (number);
  /**
   * The rows of these owned lists (empty: every owned list), and every id
   * the copy keeps a sequence for but does not hold.
   */
  'lists'?: (number)[];
}

/**
 * Which rows' write sequences to export.
 */
export interface ExportVersionsRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Shard number.
   */
  'shard': (number);
  /**
   * The rows of these owned lists (empty: every owned list), and every id
   * the copy keeps a sequence for but does not hold.
   */
  'lists': (number)[];
}
