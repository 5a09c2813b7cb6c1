import {
  type Column,
  concatColumns,
  encodeArray,
  encodeColumns,
  type FieldColumn,
  type FieldSpec,
  sliceColumns,
} from '@vecshard/proto';

/** Rows read back: ids, their vectors when asked, their fields (one column per output field). */
export interface RowBatch {
  ids: BigInt64Array;
  vectors?: Float32Array;
  columns: Column[];
}

/** Rows as a response carries them. */
export interface WireRows {
  ids: Buffer;
  vectors: Buffer;
  fields: FieldColumn[];
}

/** Several shards' rows as one batch (rows in the order given). */
export function joinRowBatches(batches: RowBatch[], dim: number, withVectors: boolean): RowBatch {
  const total = batches.reduce((sum, batch) => sum + batch.ids.length, 0);
  const ids = new BigInt64Array(total);
  const vectors = withVectors ? new Float32Array(total * dim) : undefined;
  let at = 0;
  for (const batch of batches) {
    ids.set(batch.ids, at);
    if (vectors && batch.vectors) vectors.set(batch.vectors, at * dim);
    at += batch.ids.length;
  }
  return { ids, vectors, columns: concatColumns(batches.map((batch) => batch.columns)) };
}

/** The rows at `rows` (positions in `batch`), in that order. */
export function pickRows(batch: RowBatch, rows: Int32Array, dim: number): RowBatch {
  const ids = BigInt64Array.from(rows, (row) => batch.ids[row]);
  let vectors: Float32Array | undefined;
  if (batch.vectors) {
    const from = batch.vectors;
    vectors = new Float32Array(rows.length * dim);
    rows.forEach((row, i) => {
      vectors!.set(from.subarray(row * dim, (row + 1) * dim), i * dim);
    });
  }
  return { ids, vectors, columns: sliceColumns(batch.columns, rows) };
}

export function toWireRows(batch: RowBatch): WireRows {
  return {
    ids: encodeArray(batch.ids),
    vectors: batch.vectors ? encodeArray(batch.vectors) : Buffer.alloc(0),
    fields: encodeColumns(batch.columns),
  };
}

/** The schema entries of the named output fields. */
export function fieldsNamed(schema: FieldSpec[], names: string[]): FieldSpec[] {
  return names.map((name) => schema.find((field) => field.name === name)!);
}
