import type { FieldColumn } from '@vecshard/proto';

/** One hit of a playground search, as the page lists it. */
export interface HitRow {
  id: string;
  distance: number;
  fields: Record<string, unknown>;
}

const VALUE_LISTS = [
  'int64Values',
  'doubleValues',
  'keywordValues',
  'boolValues',
  'keywordsValues',
  'jsonValues',
] as const;

/** A search answer's first query as rows: id, distance and the requested fields (missing ones left out). */
export function hitRows(ids: Uint8Array, distances: Uint8Array, k: number, columns: FieldColumn[]): HitRow[] {
  const idValues = new BigInt64Array(ids.buffer.slice(ids.byteOffset, ids.byteOffset + ids.byteLength));
  const distanceValues = new Float32Array(
    distances.buffer.slice(distances.byteOffset, distances.byteOffset + distances.byteLength),
  );
  const rows: HitRow[] = [];
  for (let slot = 0; slot < Math.min(k, idValues.length); slot++) {
    if (idValues[slot] < 0n) continue;
    rows.push({
      id: String(idValues[slot]),
      distance: distanceValues[slot],
      fields: fieldsAt(columns, slot),
    });
  }
  return rows;
}

function fieldsAt(columns: FieldColumn[], row: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const column of columns) {
    const missing = column.missing as Uint8Array | undefined;
    if (missing && missing.length > row >> 3 && (missing[row >> 3] >> (row & 7)) & 1) continue;
    const list = VALUE_LISTS.map((key) => column[key] as unknown[] | undefined).find(
      (l) => l && l.length > 0,
    );
    const value = list?.[row];
    if (value === undefined) continue;
    fields[column.name ?? ''] = plain(value);
  }
  return fields;
}

/** Wire values as JSON can carry them: 64-bit integers as strings, keyword sets as arrays. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint' || (typeof value === 'object' && value !== null && 'low' in value))
    return String(value);
  if (typeof value === 'object' && value !== null && 'values' in value)
    return (value as { values: unknown }).values;
  return value;
}
