import type { FieldColumn__Output, FieldSpec } from '@vecshard/proto';

/** A job file on the coordinator's disk: the path itself, or a copy downloaded from the store. */
export interface LocalFile {
  path: string;
  /** Deletes a downloaded copy. */
  release(): Promise<void>;
}

/**
 * The rows' fields of an import, read a batch at a time beside the vectors:
 * row i of the file belongs to vector i. A JSON Lines file (FieldsFile) or a
 * Parquet file (ParquetFields); `openFieldsSource` picks one.
 */
export interface FieldsSource {
  /** Skips rows already imported (a resumed job). */
  skip(rows: number): Promise<void>;
  /** The next `rows` rows' fields as upsert columns of `schema`; a bad row fails the job for good. */
  next(rows: number, schema: FieldSpec[]): Promise<FieldColumn__Output[]>;
  /** Closes the file and deletes a downloaded copy. */
  release(): Promise<void>;
}
