import type { FieldTypeName } from '@vecshard/client';

/** Tag sets of every row, packed: row r's tags are `values[offsets[r] .. offsets[r + 1])` (tag numbers). */
export interface TagSets {
  offsets: Int32Array;
  values: Uint16Array;
}

/** The fields stored with every row of a benchmark dataset (row number = id). */
export interface DocumentFields {
  /** DOUBLE `price` in [0, 1000). */
  price: Float64Array;
  /** KEYWORDS `tags`, written `t<number>`. */
  tags: TagSets;
  /** KEYWORD `label` (the class, written as its digit), where the dataset has classes. */
  label?: Uint8Array;
}

export function tagName(tag: number): string {
  return `t${tag}`;
}

/** The collection's schema for these fields. */
export function fieldSchema(fields: DocumentFields): Record<string, FieldTypeName> {
  return {
    price: 'double',
    tags: 'keywords',
    ...(fields.label ? { label: 'keyword' as const } : {}),
  };
}

/** Rows [from, to) as the client's upsert columns. */
export function fieldColumns(fields: DocumentFields, from: number, to: number) {
  const { offsets, values } = fields.tags;
  const tags: string[][] = [];
  for (let r = from; r < to; r++) tags.push(Array.from(values.subarray(offsets[r], offsets[r + 1]), tagName));
  return {
    price: Array.from(fields.price.subarray(from, to)),
    tags,
    ...(fields.label ? { label: Array.from(fields.label.subarray(from, to), String) } : {}),
  };
}
