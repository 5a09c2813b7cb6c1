/**
 * The typed fields a collection stores beside every vector, as both the
 * coordinator and the shard workers see them. The wire form (FieldSchema,
 * FieldColumn in vecshard.proto) is turned into these at the edge.
 */

/** A field's type, by the name the SDKs and the expression language use. */
export type FieldTypeName = 'int64' | 'double' | 'keyword' | 'bool' | 'keywords' | 'json';

export const FIELD_TYPE_NAMES: readonly FieldTypeName[] = [
  'int64',
  'double',
  'keyword',
  'bool',
  'keywords',
  'json',
];

/** One field of a collection's schema. */
export interface FieldSpec {
  name: string;
  type: FieldTypeName;
}

/** The enum names of vecshard.v1.FieldType, by type name. */
export const WIRE_FIELD_TYPES: Record<FieldTypeName, string> = {
  int64: 'FIELD_TYPE_INT64',
  double: 'FIELD_TYPE_DOUBLE',
  keyword: 'FIELD_TYPE_KEYWORD',
  bool: 'FIELD_TYPE_BOOL',
  keywords: 'FIELD_TYPE_KEYWORDS',
  json: 'FIELD_TYPE_JSON',
};

/** The type name of a vecshard.v1.FieldType enum name; undefined for UNSPECIFIED or unknown. */
export function fieldTypeFromWire(wire: string): FieldTypeName | undefined {
  return FIELD_TYPE_NAMES.find((name) => WIRE_FIELD_TYPES[name] === wire);
}

/** Documented limits, enforced where input arrives. */
export const FIELD_LIMITS = {
  /** Fields per collection. */
  maxFields: 64,
  /** Bytes (UTF-8) of one KEYWORD value or one element of a KEYWORDS set. */
  maxKeywordBytes: 1024,
  /** Elements of one row's KEYWORDS set. */
  maxKeywordsPerRow: 256,
  /** Bytes (UTF-8) of one JSON document. */
  maxJsonBytes: 65_536,
  /** Conditions in one filter, counted over every nesting level. */
  maxFilterConditions: 1024,
  /** Nesting levels of a filter (a filter without nested ones has depth 1). */
  maxFilterDepth: 16,
  /** Values in one Match (or one `in [...]` list). */
  maxMatchValues: 10_000,
  /** Characters of a filter expression. */
  maxExpressionLength: 65_536,
} as const;

/** Names no field may take: they mean something else in filters and output. */
export const RESERVED_FIELD_NAMES: readonly string[] = ['id'];

/**
 * The decoded values of one field for a batch of n rows, in row order. A row
 * whose bit is set in `missing` (bit r%8 of byte r/8) has no value; its slot
 * in `values` holds a placeholder (0, '', false, []).
 */
export type ColumnValues =
  | { type: 'int64'; values: BigInt64Array }
  | { type: 'double'; values: Float64Array }
  | { type: 'keyword'; values: string[] }
  | { type: 'bool'; values: Uint8Array }
  | { type: 'keywords'; values: string[][] }
  | { type: 'json'; values: string[] };

export type Column = ColumnValues & {
  name: string;
  /** ceil(n/8) bytes; all zero (or empty) when every row has a value. */
  missing: Uint8Array;
};

/** Whether row `row` has no value in a missing-bits array (an empty array: every row has one). */
export function isMissing(missing: Uint8Array, row: number): boolean {
  const byte = row >> 3;
  return byte < missing.length && (missing[byte] & (1 << (row & 7))) !== 0;
}

/** Marks row `row` as without a value (`missing` must hold at least row/8 + 1 bytes). */
export function setMissing(missing: Uint8Array, row: number): void {
  missing[row >> 3] |= 1 << (row & 7);
}

/** Missing bits for n rows, none set. */
export function noneMissing(n: number): Uint8Array {
  return new Uint8Array((n + 7) >> 3);
}
