import {
  concatColumns,
  decodeColumns,
  emptyColumns,
  encodeColumns,
  type FieldColumn,
  type FieldColumn__Output,
  type FieldSpec,
  invalidArgument,
  type ShardHits,
  sliceColumns,
} from '@vecshard/proto';

/** A shard's hits with the output fields of each hit slot. */
export interface ShardHitsWithFields extends ShardHits {
  fields: FieldColumn__Output[];
}

/** The fields a request names, checked against the schema (each once, in the order asked). */
export function outputFieldsOf(schema: FieldSpec[], names: string[]): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (!schema.some((field) => field.name === name)) {
      const known = schema.map((field) => field.name).join(', ') || 'none';
      throw invalidArgument(`output field "${name}" is not a field of the collection (its fields: ${known})`);
    }
    if (seen.has(name)) throw invalidArgument(`output field "${name}" is asked twice`);
    seen.add(name);
  }
  return names;
}

/**
 * The output fields of the merged hits (nq·k slots, missing where the id is
 * -1), picked by id from what each shard returned with its own hits: an id
 * lives in one place, so its fields are the same wherever it was found.
 */
export function hitFields(
  schema: FieldSpec[],
  names: string[],
  merged: BigInt64Array,
  hits: ShardHitsWithFields[],
  k: number,
): FieldColumn[] {
  const wanted = names.map((name) => schema.find((field) => field.name === name)!);
  const parts = hits.map((part) => decodeColumns(wanted, part.fields, part.queryIndex.length * k));
  // One all-missing row after every shard's rows, for empty slots.
  const pool = concatColumns([...parts, emptyColumns(wanted, 1)]);
  const rowOf = new Map<bigint, number>();
  let offset = 0;
  hits.forEach((part) => {
    part.ids.forEach((id, row) => {
      if (id >= 0n && !rowOf.has(id)) rowOf.set(id, offset + row);
    });
    offset += part.ids.length;
  });
  const rows = Int32Array.from(merged, (id) => rowOf.get(id) ?? offset);
  return encodeColumns(sliceColumns(pool, rows));
}
