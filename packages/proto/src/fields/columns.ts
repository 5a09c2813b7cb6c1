/**
 * A batch's field values between their wire form (FieldColumn: one repeated
 * list per type plus missing bits) and Columns (one typed array per field),
 * and the row operations the write and read paths need on them.
 *
 * Batches run to 10,000 rows, so everything works on typed arrays in plain
 * loops: no object per row beyond the strings themselves.
 */
import type { FieldColumn__Output } from '../generated/vecshard/v1/FieldColumn.js';
import type { KeywordSet__Output } from '../generated/vecshard/v1/KeywordSet.js';
import { invalidArgument } from '../rpc-error.js';
import {
  type Column,
  type ColumnValues,
  FIELD_LIMITS,
  type FieldSpec,
  type FieldTypeName,
  isMissing,
  noneMissing,
  setMissing,
} from './field-schema.js';
import { fieldTypeLabel } from './schema-check.js';

type ValueListKey =
  | 'int64Values'
  | 'doubleValues'
  | 'keywordValues'
  | 'boolValues'
  | 'keywordsValues'
  | 'jsonValues';

/** The FieldColumn list that carries each type's values. */
const VALUE_LIST_OF_TYPE: Record<FieldTypeName, ValueListKey> = {
  int64: 'int64Values',
  double: 'doubleValues',
  keyword: 'keywordValues',
  bool: 'boolValues',
  keywords: 'keywordsValues',
  json: 'jsonValues',
};

const VALUE_LIST_KEYS = Object.values(VALUE_LIST_OF_TYPE);

/** The lists' names as the proto spells them, for messages. */
const WIRE_LIST_NAMES: Record<ValueListKey, string> = {
  int64Values: 'int64_values',
  doubleValues: 'double_values',
  keywordValues: 'keyword_values',
  boolValues: 'bool_values',
  keywordsValues: 'keywords_values',
  jsonValues: 'json_values',
};

/**
 * The placeholder of a KEYWORDS row without a value. One shared, frozen array
 * rather than one per row: writing into it is a bug, and throws.
 */
const NO_KEYWORDS = Object.freeze([]) as unknown as string[];

/** The number of rows of a column. */
export function columnLength(column: ColumnValues): number {
  return column.values.length;
}

/** Whether any bit is set in missing bits. */
export function anyMissing(missing: Uint8Array): boolean {
  for (let i = 0; i < missing.length; i++) if (missing[i] !== 0) return true;
  return false;
}

/**
 * Checks a batch's wire columns against the schema and decodes them: one
 * Column per schema field, in schema order; a field the batch does not send
 * has every row missing. Rows marked missing get the type's placeholder,
 * whatever was sent in their slot. Throws INVALID_ARGUMENT naming the field.
 */
export function decodeColumns(
  schema: readonly FieldSpec[],
  wire: readonly FieldColumn__Output[],
  n: number,
): Column[] {
  const sent = columnsByField(schema, wire);
  return schema.map((spec) => {
    const column = sent.get(spec.name);
    return column === undefined ? emptyColumn(spec, n) : decodeColumn(spec, column, n);
  });
}

/** Columns → wire columns, every value list present, missing bits only where some row is missing. */
export function encodeColumns(columns: readonly Column[]): FieldColumn__Output[] {
  return columns.map(encodeColumn);
}

/** The rows `rows` (in that order, repeats allowed) of every column. */
export function sliceColumns(columns: readonly Column[], rows: ArrayLike<number>): Column[] {
  return columns.map((column) => sliceColumn(column, rows));
}

/** Batches of the same fields (in the same order) → one batch, rows in part order. */
export function concatColumns(parts: readonly (readonly Column[])[]): Column[] {
  if (parts.length === 0) return [];
  const fieldCount = parts[0].length;
  if (parts.some((part) => part.length !== fieldCount)) {
    throw new Error(`cannot concatenate batches of ${parts.map((part) => part.length).join(', ')} fields`);
  }
  return parts[0].map((first, index) => concatColumn(parts.map((part) => sameField(part[index], first))));
}

/** n rows of every field, all missing. */
export function emptyColumns(schema: readonly FieldSpec[], n: number): Column[] {
  return schema.map((spec) => emptyColumn(spec, n));
}

// ---- decoding ------------------------------------------------------------

function columnsByField(
  schema: readonly FieldSpec[],
  wire: readonly FieldColumn__Output[],
): Map<string, FieldColumn__Output> {
  const names = new Set(schema.map((spec) => spec.name));
  const sent = new Map<string, FieldColumn__Output>();
  for (const column of wire) {
    if (!names.has(column.name)) throw unknownField(column.name, schema);
    if (sent.has(column.name)) {
      throw invalidArgument(`field "${column.name}" is sent twice; send one column per field`);
    }
    sent.set(column.name, column);
  }
  return sent;
}

function unknownField(name: string, schema: readonly FieldSpec[]) {
  const known = schema.length === 0 ? 'the collection has no fields' : `fields: ${fieldNames(schema)}`;
  return invalidArgument(`unknown field "${name}" in the columns (${known})`);
}

function fieldNames(schema: readonly FieldSpec[]): string {
  return schema.map((spec) => spec.name).join(', ');
}

function decodeColumn(spec: FieldSpec, wire: FieldColumn__Output, n: number): Column {
  const list = valueList(spec, wire);
  if (list.length !== n) {
    throw invalidArgument(
      `field "${spec.name}" has ${list.length} values for ${n} rows: send one per row ` +
        `(a placeholder where the missing bits mark the row)`,
    );
  }
  const missing = decodeMissing(spec.name, wire.missing, n);
  return { name: spec.name, missing, ...decodeValues(spec, list, missing) } as Column;
}

/** The one list a column may send values in: its type's. */
function valueList(spec: FieldSpec, wire: FieldColumn__Output): readonly unknown[] {
  const expected = VALUE_LIST_OF_TYPE[spec.type];
  const sent = VALUE_LIST_KEYS.filter((key) => (wire[key]?.length ?? 0) > 0);
  if (sent.length > 1) {
    const lists = sent.map((key) => WIRE_LIST_NAMES[key]).join(' and ');
    throw invalidArgument(`field "${spec.name}" sends values in ${lists}; a column sends one list`);
  }
  if (sent.length === 1 && sent[0] !== expected) {
    throw invalidArgument(
      `field "${spec.name}" is ${fieldTypeLabel(spec.type)}; the column sends ${WIRE_LIST_NAMES[sent[0]]}` +
        ` (use ${WIRE_LIST_NAMES[expected]})`,
    );
  }
  return wire[expected] ?? [];
}

/** Missing bits sized to exactly n rows (a shorter array means the rows past it are present). */
function decodeMissing(name: string, bytes: Uint8Array | undefined, n: number): Uint8Array {
  const missing = noneMissing(n);
  if (bytes === undefined || bytes.length === 0) return missing;
  if (bytes.length > missing.length) {
    throw invalidArgument(
      `field "${name}" sends ${bytes.length} bytes of missing bits for ${n} rows; at most ${missing.length}`,
    );
  }
  missing.set(bytes);
  clearBitsPastEnd(missing, n);
  return missing;
}

/** Bits past the last row mean nothing; clearing them keeps equal columns byte-equal. */
function clearBitsPastEnd(missing: Uint8Array, n: number): void {
  if ((n & 7) !== 0) missing[missing.length - 1] &= (1 << (n & 7)) - 1;
}

function decodeValues(spec: FieldSpec, list: readonly unknown[], missing: Uint8Array): ColumnValues {
  const name = spec.name;
  switch (spec.type) {
    case 'int64':
      return { type: 'int64', values: decodeInt64s(name, list as readonly string[], missing) };
    case 'double':
      return { type: 'double', values: decodeDoubles(name, list as readonly number[], missing) };
    case 'keyword':
      return { type: 'keyword', values: decodeKeywords(name, list as readonly string[], missing) };
    case 'bool':
      return { type: 'bool', values: decodeBools(list as readonly boolean[], missing) };
    case 'keywords':
      return {
        type: 'keywords',
        values: decodeKeywordSets(name, list as readonly KeywordSet__Output[], missing),
      };
    case 'json':
      return { type: 'json', values: decodeJson(name, list as readonly string[], missing) };
  }
}

const INT64_TEXT = /^-?\d{1,19}$/;

function decodeInt64s(name: string, list: readonly (string | number)[], missing: Uint8Array): BigInt64Array {
  const values = new BigInt64Array(list.length);
  for (let row = 0; row < list.length; row++) {
    if (!isMissing(missing, row)) values[row] = parseInt64(name, row, list[row]);
  }
  return values;
}

/** A decimal int64 (the loader's longs=String form); a safe integer number is taken too. */
function parseInt64(name: string, row: number, raw: string | number): bigint {
  const text = String(raw);
  const value = INT64_TEXT.test(text) ? BigInt(text) : undefined;
  if (value === undefined || BigInt.asIntN(64, value) !== value) {
    throw invalidArgument(`field "${name}" row ${row} holds "${text}", not an int64`);
  }
  return value;
}

function decodeDoubles(name: string, list: readonly number[], missing: Uint8Array): Float64Array {
  const values = new Float64Array(list.length);
  for (let row = 0; row < list.length; row++) {
    if (isMissing(missing, row)) continue;
    const value = list[row];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalidArgument(`field "${name}" row ${row} holds ${value}; values must be finite`);
    }
    values[row] = value;
  }
  return values;
}

function decodeKeywords(name: string, list: readonly string[], missing: Uint8Array): string[] {
  const values = list.slice();
  for (let row = 0; row < values.length; row++) {
    if (isMissing(missing, row)) values[row] = '';
    else checkKeyword(name, row, values[row]);
  }
  return values;
}

function decodeBools(list: readonly boolean[], missing: Uint8Array): Uint8Array {
  const values = new Uint8Array(list.length);
  for (let row = 0; row < list.length; row++) {
    if (list[row] === true && !isMissing(missing, row)) values[row] = 1;
  }
  return values;
}

function decodeKeywordSets(
  name: string,
  list: readonly KeywordSet__Output[],
  missing: Uint8Array,
): string[][] {
  const values = new Array<string[]>(list.length);
  for (let row = 0; row < list.length; row++) {
    values[row] = isMissing(missing, row) ? NO_KEYWORDS : checkKeywordSet(name, row, list[row]?.values ?? []);
  }
  return values;
}

function checkKeywordSet(name: string, row: number, set: string[]): string[] {
  if (set.length > FIELD_LIMITS.maxKeywordsPerRow) {
    throw invalidArgument(
      `field "${name}" row ${row} holds ${set.length} keywords; at most ${FIELD_LIMITS.maxKeywordsPerRow}`,
    );
  }
  for (const keyword of set) checkKeyword(name, row, keyword);
  return set;
}

function checkKeyword(name: string, row: number, keyword: string): void {
  if (typeof keyword !== 'string') {
    throw invalidArgument(`field "${name}" row ${row} holds ${typeof keyword}, not a string`);
  }
  if (exceedsUtf8Bytes(keyword, FIELD_LIMITS.maxKeywordBytes)) {
    throw invalidArgument(
      `field "${name}" row ${row} holds a keyword of ${Buffer.byteLength(keyword)} bytes; ` +
        `at most ${FIELD_LIMITS.maxKeywordBytes} (UTF-8)`,
    );
  }
}

function decodeJson(name: string, list: readonly string[], missing: Uint8Array): string[] {
  const values = list.slice();
  for (let row = 0; row < values.length; row++) {
    if (isMissing(missing, row)) values[row] = '';
    else checkJson(name, row, values[row]);
  }
  return values;
}

function checkJson(name: string, row: number, text: string): void {
  if (exceedsUtf8Bytes(text, FIELD_LIMITS.maxJsonBytes)) {
    throw invalidArgument(
      `field "${name}" row ${row} holds ${Buffer.byteLength(text)} bytes of JSON; at most ${FIELD_LIMITS.maxJsonBytes}`,
    );
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw invalidArgument(`field "${name}" row ${row} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Whether a string's UTF-8 form is longer than `limit` bytes, without
 * encoding it in the common cases: a UTF-16 unit takes 1 to 3 bytes (a
 * surrogate pair, two units, takes 4).
 */
function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return Buffer.byteLength(text, 'utf8') > limit;
}

// ---- encoding ------------------------------------------------------------

function encodeColumn(column: Column): FieldColumn__Output {
  const wire: FieldColumn__Output = {
    name: column.name,
    int64Values: [],
    doubleValues: [],
    keywordValues: [],
    boolValues: [],
    keywordsValues: [],
    jsonValues: [],
    missing: anyMissing(column.missing) ? Buffer.from(column.missing) : Buffer.alloc(0),
  };
  switch (column.type) {
    case 'int64':
      wire.int64Values = Array.from(column.values, (value) => value.toString());
      break;
    case 'double':
      wire.doubleValues = Array.from(column.values);
      break;
    case 'keyword':
      wire.keywordValues = column.values.slice();
      break;
    case 'bool':
      wire.boolValues = Array.from(column.values, (value) => value !== 0);
      break;
    case 'keywords':
      wire.keywordsValues = column.values.map((values) => ({ values }));
      break;
    case 'json':
      wire.jsonValues = column.values.slice();
      break;
  }
  return wire;
}

// ---- row operations ------------------------------------------------------

function sliceColumn(column: Column, rows: ArrayLike<number>): Column {
  const length = columnLength(column);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Number.isInteger(row) || row < 0 || row >= length) {
      throw new RangeError(`row ${row} of column "${column.name}", which has ${length} rows`);
    }
  }
  const missing = noneMissing(rows.length);
  if (anyMissing(column.missing)) {
    for (let i = 0; i < rows.length; i++) if (isMissing(column.missing, rows[i])) setMissing(missing, i);
  }
  return { name: column.name, missing, ...pickValues(column, rows) } as Column;
}

function pickValues(column: ColumnValues, rows: ArrayLike<number>): ColumnValues {
  switch (column.type) {
    case 'int64':
      return { type: 'int64', values: pickBigInts(column.values, rows) };
    case 'double':
      return { type: 'double', values: pickDoubles(column.values, rows) };
    case 'bool':
      return { type: 'bool', values: pickBytes(column.values, rows) };
    case 'keyword':
    case 'keywords':
    case 'json':
      return {
        type: column.type,
        values: pickItems(column.values as readonly unknown[], rows),
      } as ColumnValues;
  }
}

// One copy loop per array type, not one generic function: a loop that sees
// every array type goes megamorphic and runs several times slower.

function pickBigInts(source: BigInt64Array, rows: ArrayLike<number>): BigInt64Array {
  const target = new BigInt64Array(rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]];
  return target;
}

function pickDoubles(source: Float64Array, rows: ArrayLike<number>): Float64Array {
  const target = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]];
  return target;
}

function pickBytes(source: Uint8Array, rows: ArrayLike<number>): Uint8Array {
  const target = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]];
  return target;
}

function pickItems(source: readonly unknown[], rows: ArrayLike<number>): unknown[] {
  const target = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]];
  return target;
}

function sameField(column: Column | undefined, first: Column): Column {
  if (column === undefined || column.name !== first.name || column.type !== first.type) {
    throw new Error(
      `cannot concatenate column ${column ? `"${column.name}" (${column.type})` : 'none'} ` +
        `with "${first.name}" (${first.type}): the batches hold different fields`,
    );
  }
  return column;
}

function concatColumn(parts: readonly Column[]): Column {
  const total = parts.reduce((sum, part) => sum + columnLength(part), 0);
  const missing = noneMissing(total);
  let offset = 0;
  for (const part of parts) {
    copyMissing(part.missing, columnLength(part), missing, offset);
    offset += columnLength(part);
  }
  return { name: parts[0].name, missing, ...concatValues(parts, total) } as Column;
}

function copyMissing(source: Uint8Array, n: number, target: Uint8Array, offset: number): void {
  if (!anyMissing(source)) return;
  if ((offset & 7) === 0) {
    target.set(source.subarray(0, (n + 7) >> 3), offset >> 3);
    return;
  }
  for (let row = 0; row < n; row++) if (isMissing(source, row)) setMissing(target, offset + row);
}

function concatValues(parts: readonly Column[], total: number): ColumnValues {
  const type = parts[0].type;
  switch (type) {
    case 'int64':
      return { type, values: concatTyped(new BigInt64Array(total), parts) };
    case 'double':
      return { type, values: concatTyped(new Float64Array(total), parts) };
    case 'bool':
      return { type, values: concatTyped(new Uint8Array(total), parts) };
    case 'keyword':
    case 'keywords':
    case 'json': {
      const values: unknown[] = [];
      for (const part of parts) for (const value of part.values as unknown[]) values.push(value);
      return { type, values } as ColumnValues;
    }
  }
}

function concatTyped<A extends BigInt64Array | Float64Array | Uint8Array>(
  target: A,
  parts: readonly Column[],
): A {
  // The parts share the target's type (sameField checked it); TypeScript cannot tell.
  const into = target as unknown as { set(values: ArrayLike<unknown>, offset: number): void };
  let offset = 0;
  for (const part of parts) {
    into.set(part.values as ArrayLike<unknown>, offset);
    offset += columnLength(part);
  }
  return target;
}

// ---- all missing -----------------------------------------------------------

function emptyColumn(spec: FieldSpec, n: number): Column {
  return { name: spec.name, missing: allMissing(n), ...placeholders(spec.type, n) } as Column;
}

function allMissing(n: number): Uint8Array {
  const missing = noneMissing(n).fill(0xff);
  clearBitsPastEnd(missing, n);
  return missing;
}

function placeholders(type: FieldTypeName, n: number): ColumnValues {
  switch (type) {
    case 'int64':
      return { type, values: new BigInt64Array(n) };
    case 'double':
      return { type, values: new Float64Array(n) };
    case 'bool':
      return { type, values: new Uint8Array(n) };
    case 'keyword':
    case 'json':
      return { type, values: new Array<string>(n).fill('') };
    case 'keywords':
      return { type, values: new Array<string[]>(n).fill(NO_KEYWORDS) };
  }
}
