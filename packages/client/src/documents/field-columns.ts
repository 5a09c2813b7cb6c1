import { status } from '@grpc/grpc-js';
import { WireFormatError } from '@vecshard/proto';
import { VecshardError } from '../errors.js';
import type { FieldColumnInput, FieldTypeName, FieldValue, FieldValues } from '../types.js';
import type { WireFieldColumn, WireFieldColumnOutput } from './wire.js';

/** A collection's fields by name, as the client caches them. */
export type Schema = ReadonlyMap<string, FieldTypeName>;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether row `row` is marked missing: bit row%8 of byte row/8 (bytes past the end: not missing). */
export function isMissing(missing: Uint8Array, row: number): boolean {
  const byte = row >> 3;
  return byte < missing.length && (missing[byte] & (1 << (row & 7))) !== 0;
}

/**
 * The columns an upsert of n rows was given, checked before anything is
 * sent: each one holds exactly n values. Columns given as `undefined` are
 * left out (the field is missing for every row).
 */
export function upsertColumns(
  collection: string,
  fields: Record<string, FieldColumnInput | undefined> | undefined,
  n: number,
): [string, FieldColumnInput][] {
  const columns: [string, FieldColumnInput][] = [];
  for (const [name, column] of Object.entries(fields ?? {})) {
    if (column === undefined) continue;
    if (!Array.isArray(column) && !(ArrayBuffer.isView(column) && !(column instanceof DataView)))
      throw invalid(
        collection,
        `field "${name}" must be an array of values (one per id), got ${describe(column)}`,
      );
    if (column.length !== n)
      throw invalid(
        collection,
        `field "${name}" has ${column.length} value${column.length === 1 ? '' : 's'}, ` +
          `but the upsert has ${n} id${n === 1 ? '' : 's'}: give one value per id (null for none)`,
      );
    columns.push([name, column]);
  }
  return columns;
}

/** The upsert's columns in wire form, typed by the collection's schema. */
export function encodeFieldColumns(
  collection: string,
  schema: Schema,
  columns: readonly [string, FieldColumnInput][],
  n: number,
): WireFieldColumn[] {
  return columns.map(([name, values]) => {
    const type = schema.get(name);
    if (!type) {
      const known = [...schema.keys()].map((field) => `"${field}"`).join(', ');
      throw invalid(collection, `no field "${name}" in the collection (its fields: ${known || 'none'})`);
    }
    return encodeColumn(collection, name, type, values, n);
  });
}

/**
 * One column in wire form: the list of its type holds n values, a
 * placeholder (0, '', false, an empty set) where a row has none; such rows
 * are marked in `missing` (left empty when every row has a value).
 */
export function encodeColumn(
  collection: string,
  name: string,
  type: FieldTypeName,
  values: FieldColumnInput,
  n: number,
): WireFieldColumn {
  const missing = new Uint8Array((n + 7) >> 3);
  let anyMissing = false;
  const list: unknown[] = new Array(n);
  for (let row = 0; row < n; row++) {
    const value = values[row];
    if (value === null || value === undefined) {
      missing[row >> 3] |= 1 << (row & 7);
      anyMissing = true;
      list[row] = PLACEHOLDERS[type];
      continue;
    }
    const encoded = ENCODERS[type](value);
    if (encoded instanceof Refusal)
      throw invalid(collection, `field "${name}" (${type}), row ${row}: ${encoded.reason}`);
    list[row] = encoded;
  }
  const column = { name, [WIRE_LISTS[type]]: list } as WireFieldColumn;
  if (anyMissing) column.missing = Buffer.from(missing.buffer, missing.byteOffset, missing.byteLength);
  return column;
}

/** Why a value cannot be encoded. */
class Refusal {
  constructor(readonly reason: string) {}
}

const WIRE_LISTS = {
  int64: 'int64Values',
  double: 'doubleValues',
  keyword: 'keywordValues',
  bool: 'boolValues',
  keywords: 'keywordsValues',
  json: 'jsonValues',
} as const satisfies Record<FieldTypeName, keyof WireFieldColumn>;

const PLACEHOLDERS: Record<FieldTypeName, unknown> = {
  int64: '0',
  double: 0,
  keyword: '',
  bool: false,
  keywords: { values: [] },
  json: '',
};

const ENCODERS: Record<FieldTypeName, (value: unknown) => unknown> = {
  int64: (value) => int64ToWire(value) ?? new Refusal(int64Refusal(value)),
  double: (value) =>
    typeof value === 'number' ? value : new Refusal(`expected a number, got ${describe(value)}`),
  keyword: (value) =>
    typeof value === 'string' ? value : new Refusal(`expected a string, got ${describe(value)}`),
  bool: (value) =>
    typeof value === 'boolean' ? value : new Refusal(`expected a boolean, got ${describe(value)}`),
  keywords: (value) =>
    Array.isArray(value) && value.every((element) => typeof element === 'string')
      ? { values: [...value] }
      : new Refusal(`expected an array of strings, got ${describe(value)}`),
  json: (value) => {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      return new Refusal(`not JSON-serialisable: ${(error as Error).message}`);
    }
    return text === undefined ? new Refusal(`not JSON-serialisable: ${describe(value)}`) : text;
  },
};

/** An int64 value as the wire's decimal string; undefined when it is not a safe integer or an int64 bigint. */
export function int64ToWire(value: unknown): string | undefined {
  if (typeof value === 'bigint')
    return value >= INT64_MIN && value <= INT64_MAX ? value.toString() : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value === 0 ? 0 : value);
  return undefined;
}

function int64Refusal(value: unknown): string {
  if (typeof value === 'bigint') return `${value} is outside the int64 range`;
  if (typeof value !== 'number') return `expected an integer (number or bigint), got ${describe(value)}`;
  if (!Number.isInteger(value)) return `expected an integer, got ${value}`;
  return `${value} is beyond ±(2^53 − 1), where numbers are no longer exact: pass it as a bigint`;
}

/**
 * An int64 from the wire (a decimal string): a `number` when it is a safe
 * integer (|v| ≤ 2^53 − 1), else a `bigint`, so no value is ever rounded.
 */
export function int64FromWire(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

/**
 * Columns of n rows (or hit slots) from the wire, by field name: null where
 * a row is marked missing. A column's type is the list that holds its n
 * values; a column with no list filled must have every row missing.
 */
export function decodeFieldColumns(columns: readonly WireFieldColumnOutput[], n: number): FieldValues {
  const fields: FieldValues = {};
  for (const column of columns) fields[column.name] = decodeColumn(column, n);
  return fields;
}

function decodeColumn(column: WireFieldColumnOutput, n: number): FieldValue[] {
  const missing = column.missing ?? Buffer.alloc(0);
  const filled = (Object.keys(WIRE_LISTS) as FieldTypeName[]).filter(
    (type) => (column[WIRE_LISTS[type]]?.length ?? 0) > 0,
  );
  const values: FieldValue[] = new Array(n).fill(null);
  if (filled.length === 0) {
    for (let row = 0; row < n; row++)
      if (!isMissing(missing, row))
        throw new WireFormatError(`field "${column.name}": no values, but row ${row} is not marked missing`);
    return values;
  }
  const lengths = filled.map((type) => `${column[WIRE_LISTS[type]].length} ${type}`).join(', ');
  if (filled.length > 1 || column[WIRE_LISTS[filled[0]]].length !== n)
    throw new WireFormatError(`field "${column.name}": ${lengths} values for ${n} rows`);
  const read = readerOf(column, filled[0]);
  for (let row = 0; row < n; row++) if (!isMissing(missing, row)) values[row] = read(row);
  return values;
}

function readerOf(column: WireFieldColumnOutput, type: FieldTypeName): (row: number) => FieldValue {
  switch (type) {
    case 'int64':
      return (row) => int64FromWire(column.int64Values[row]);
    case 'double':
      return (row) => column.doubleValues[row];
    case 'keyword':
      return (row) => column.keywordValues[row];
    case 'bool':
      return (row) => column.boolValues[row];
    case 'keywords':
      return (row) => [...column.keywordsValues[row].values];
    case 'json':
      return (row) => {
        try {
          return JSON.parse(column.jsonValues[row]);
        } catch (error) {
          throw new WireFormatError(`field "${column.name}", row ${row}: ${(error as Error).message}`);
        }
      };
  }
}

function invalid(collection: string, message: string): VecshardError {
  return new VecshardError(status.INVALID_ARGUMENT, `Upsert "${collection}": ${message}`);
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `an array (${value.length})`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}
