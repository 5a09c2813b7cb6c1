// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Asks for a bulk import.
 */
export interface ImportRequest {
  /**
   * Target collection; it must exist.
   */
  'collection'?: (string);
  /**
   * An absolute path of a file on the coordinator, under one of its import
   * roots (--import-root, by default its data dir; judged after resolving
   * ".." and symbolic links, else PERMISSION_DENIED), or "store:KEY" for an
   * object in the cluster's object store.
   */
  'path'?: (string);
  /**
   * Id of the file's first row; row i gets id first_id + i.
   */
  'firstId'?: (number | string | Long);
  /**
   * Import at most this many rows (0 = all).
   */
  'limit'?: (number | string | Long);
  /**
   * Rows per upsert batch (0 = 10000).
   */
  'batchSize'?: (number);
  /**
   * When the collection is not trained yet, train on this many leading rows
   * first (0 = min(rows, 50 × nlist)).
   */
  'trainSize'?: (number | string | Long);
  /**
   * The rows' fields: a JSON Lines file (optionally gzipped), one object per
   * vector in the same order, keys = field names (a key left out or null =
   * missing); or a Parquet file (named *.parquet, or starting with PAR1), one
   * column per field, row i beside vector i (null = missing). A path as for
   * `path` (under an import root), or "store:KEY".
   */
  'fieldsPath'?: (string);
}

/**
 * Asks for a bulk import.
 */
export interface ImportRequest__Output {
  /**
   * Target collection; it must exist.
   */
  'collection': (string);
  /**
   * An absolute path of a file on the coordinator, under one of its import
   * roots (--import-root, by default its data dir; judged after resolving
   * ".." and symbolic links, else PERMISSION_DENIED), or "store:KEY" for an
   * object in the cluster's object store.
   */
  'path': (string);
  /**
   * Id of the file's first row; row i gets id first_id + i.
   */
  'firstId': (string);
  /**
   * Import at most this many rows (0 = all).
   */
  'limit': (string);
  /**
   * Rows per upsert batch (0 = 10000).
   */
  'batchSize': (number);
  /**
   * When the collection is not trained yet, train on this many leading rows
   * first (0 = min(rows, 50 × nlist)).
   */
  'trainSize': (string);
  /**
   * The rows' fields: a JSON Lines file (optionally gzipped), one object per
   * vector in the same order, keys = field names (a key left out or null =
   * missing); or a Parquet file (named *.parquet, or starting with PAR1), one
   * column per field, row i beside vector i (null = missing). A path as for
   * `path` (under an import root), or "store:KEY".
   */
  'fieldsPath': (string);
}
