import { invalidArgument } from '../rpc-error.js';
import { ByteReader, ByteWriter } from './byte-io.js';
import { type Column, type FieldSpec, type FieldTypeName, isMissing, noneMissing } from './field-schema.js';

/** Typed arrays are read in place only on little-endian machines (the codec's byte order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A batch of rows' fields as bytes: how a list's fields are kept in snapshot
 * blobs and sent between workers. Self-describing and versioned, all little
 * endian:
 *
 *   "VSFR"  u16 version (1)  u16 field count F  u32 row count n
 *   F × { u8 type (vecshard.v1.FieldType number)  varint name length  name UTF-8 }
 *   n × int64 id
 *   F × { u32 section length  section }
 *
 * A section is a flags byte (bit 0: missing bits follow), then ceil(n/8)
 * missing bytes when flagged, then the values:
 *   int64, double  n × 8 bytes (placeholders 0 where missing)
 *   bool           ceil(n/8) bytes, bit r%8 of byte r/8
 *   keyword        a dictionary (varint D, D strings), then a varint code per present row
 *   keywords       a dictionary, then per present row a varint count and that many codes
 *   json           per present row a string
 * (strings are a varint byte length and UTF-8). Dictionaries make repeated
 * tags cost a byte or two a row. Decoding checks every length against the
 * bytes there are and refuses a buffer written for another schema.
 */
const MAGIC = 'VSFR';
export const ROW_CODEC_VERSION = 1;
const HAS_MISSING = 1;

const TYPE_CODES: Record<FieldTypeName, number> = {
  int64: 1,
  double: 2,
  keyword: 3,
  bool: 4,
  keywords: 5,
  json: 6,
};
const TYPE_BY_CODE = new Map(Object.entries(TYPE_CODES).map(([name, code]) => [code, name as FieldTypeName]));

/** The rows' ids and fields (one column per schema field, in schema order, n rows each) as bytes. */
export function encodeFieldRows(
  schema: readonly FieldSpec[],
  ids: BigInt64Array,
  columns: readonly Column[],
): Buffer {
  checkColumns(schema, ids.length, columns);
  const out = new ByteWriter();
  out.raw(Buffer.from(MAGIC, 'latin1'));
  out.u16(ROW_CODEC_VERSION);
  out.u16(schema.length);
  out.u32(ids.length);
  for (const spec of schema) {
    out.u8(TYPE_CODES[spec.type]);
    out.string(spec.name);
  }
  out.raw(int64Bytes(ids));
  for (const column of columns) {
    const lengthAt = out.offset;
    out.u32(0);
    writeSection(out, column, ids.length);
    out.u32At(lengthAt, out.offset - lengthAt - 4);
  }
  return out.finish();
}

/** The ids and columns `encodeRows` wrote; refuses corrupt input and buffers of another schema (INVALID_ARGUMENT). */
export function decodeFieldRows(
  schema: readonly FieldSpec[],
  buffer: Uint8Array,
): { ids: BigInt64Array; columns: Column[] } {
  const input = new ByteReader(buffer, 'field rows');
  if (Buffer.from(input.raw(4, 'magic')).toString('latin1') !== MAGIC) input.fail('not a field rows buffer');
  const version = input.u16('version');
  if (version !== ROW_CODEC_VERSION) input.fail(`version ${version}, this worker reads ${ROW_CODEC_VERSION}`);
  const fieldCount = input.u16('field count');
  const n = input.u32('row count');
  checkSchemaMatches(schema, readFieldSpecs(input, fieldCount));
  const ids = int64sFrom(input.raw(n * 8, 'ids'));
  const columns = schema.map((spec) => {
    const section = input.section(input.u32(`field "${spec.name}" length`), `field "${spec.name}"`);
    const column = readSection(section, spec, n);
    section.close(`field "${spec.name}"`);
    return column;
  });
  input.close('the last field');
  return { ids, columns };
}

function checkColumns(schema: readonly FieldSpec[], n: number, columns: readonly Column[]): void {
  if (columns.length !== schema.length) {
    throw invalidArgument(`${columns.length} columns for a schema of ${schema.length} fields`);
  }
  schema.forEach((spec, i) => {
    const column = columns[i];
    if (column.name !== spec.name || column.type !== spec.type || column.values.length !== n) {
      throw invalidArgument(
        `column ${i} is "${column.name}" (${column.type}, ${column.values.length} rows), ` +
          `expected "${spec.name}" (${spec.type}, ${n} rows)`,
      );
    }
  });
}

function readFieldSpecs(input: ByteReader, count: number): FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (let i = 0; i < count; i++) {
    const code = input.u8('field type');
    const name = input.string('field name');
    const type = TYPE_BY_CODE.get(code);
    if (type === undefined) input.fail(`field "${name}" has unknown type ${code}`);
    specs.push({ name, type });
  }
  return specs;
}

function checkSchemaMatches(schema: readonly FieldSpec[], written: readonly FieldSpec[]): void {
  const describe = (specs: readonly FieldSpec[]) => `(${specs.map((s) => `${s.name} ${s.type}`).join(', ')})`;
  const same =
    schema.length === written.length &&
    schema.every((spec, i) => spec.name === written[i].name && spec.type === written[i].type);
  if (!same) {
    throw invalidArgument(
      `field rows were written for fields ${describe(written)}, this collection has ${describe(schema)}`,
    );
  }
}

function writeSection(out: ByteWriter, column: Column, n: number): void {
  const anyMissing = column.missing.some((byte) => byte !== 0);
  out.u8(anyMissing ? HAS_MISSING : 0);
  if (anyMissing) out.raw(paddedBits(column.missing, n));
  const present = (row: number) => !anyMissing || !isMissing(column.missing, row);
  switch (column.type) {
    case 'int64':
      out.raw(int64Bytes(column.values));
      break;
    case 'double':
      out.raw(float64Bytes(column.values));
      break;
    case 'bool':
      out.raw(boolBits(column.values));
      break;
    case 'keyword':
      writeKeywords(out, column.values, present);
      break;
    case 'keywords':
      writeKeywordSets(out, column.values, present);
      break;
    case 'json':
      for (let row = 0; row < n; row++) if (present(row)) out.string(column.values[row]);
      break;
  }
}

function readSection(input: ByteReader, spec: FieldSpec, n: number): Column {
  const flags = input.u8('flags');
  if ((flags & ~HAS_MISSING) !== 0) input.fail(`field "${spec.name}" has unknown flags ${flags}`);
  const missing =
    flags & HAS_MISSING ? readBits(input, n, `field "${spec.name}" missing bits`) : noneMissing(n);
  const present = (row: number) => !isMissing(missing, row);
  const name = spec.name;
  const what = `field "${name}" values`;
  switch (spec.type) {
    case 'int64':
      return { name, missing, type: 'int64', values: int64sFrom(input.raw(n * 8, what)) };
    case 'double':
      return { name, missing, type: 'double', values: float64sFrom(input.raw(n * 8, what)) };
    case 'bool':
      return { name, missing, type: 'bool', values: boolsFrom(readBits(input, n, what), n) };
    case 'keyword':
      return { name, missing, type: 'keyword', values: readKeywords(input, n, present, what) };
    case 'keywords':
      return { name, missing, type: 'keywords', values: readKeywordSets(input, n, present, what) };
    case 'json':
      return {
        name,
        missing,
        type: 'json',
        values: Array.from({ length: n }, (_, row) => (present(row) ? input.string(what) : '')),
      };
  }
}

function writeKeywords(out: ByteWriter, values: readonly string[], present: (row: number) => boolean): void {
  const dictionary = new Map<string, number>();
  for (let row = 0; row < values.length; row++) if (present(row)) codeIn(dictionary, values[row]);
  writeDictionary(out, dictionary);
  for (let row = 0; row < values.length; row++) if (present(row)) out.varint(dictionary.get(values[row])!);
}

function writeKeywordSets(
  out: ByteWriter,
  sets: readonly string[][],
  present: (row: number) => boolean,
): void {
  const dictionary = new Map<string, number>();
  for (let row = 0; row < sets.length; row++)
    if (present(row)) for (const value of sets[row]) codeIn(dictionary, value);
  writeDictionary(out, dictionary);
  for (let row = 0; row < sets.length; row++) {
    if (!present(row)) continue;
    out.varint(sets[row].length);
    for (const value of sets[row]) out.varint(dictionary.get(value)!);
  }
}

function codeIn(dictionary: Map<string, number>, value: string): void {
  if (!dictionary.has(value)) dictionary.set(value, dictionary.size);
}

function writeDictionary(out: ByteWriter, dictionary: Map<string, number>): void {
  out.varint(dictionary.size);
  for (const value of dictionary.keys()) out.string(value);
}

function readDictionary(input: ByteReader, what: string): string[] {
  const size = input.varint(`${what} dictionary size`);
  // Every entry takes at least a byte: a larger count is corrupt, and must not size an allocation.
  if (size > input.remaining) input.fail(`${what} dictionary of ${size} entries in ${input.remaining} bytes`);
  return Array.from({ length: size }, () => input.string(`${what} dictionary`));
}

function readCode(input: ByteReader, dictionary: readonly string[], what: string): string {
  const code = input.varint(what);
  if (code >= dictionary.length)
    input.fail(`${what} code ${code} outside a dictionary of ${dictionary.length}`);
  return dictionary[code];
}

function readKeywords(
  input: ByteReader,
  n: number,
  present: (row: number) => boolean,
  what: string,
): string[] {
  const dictionary = readDictionary(input, what);
  return Array.from({ length: n }, (_, row) => (present(row) ? readCode(input, dictionary, what) : ''));
}

function readKeywordSets(
  input: ByteReader,
  n: number,
  present: (row: number) => boolean,
  what: string,
): string[][] {
  const dictionary = readDictionary(input, what);
  return Array.from({ length: n }, (_, row) => {
    if (!present(row)) return [];
    const count = input.varint(what);
    // Every code takes at least a byte: a larger count is corrupt, and must not size an allocation.
    if (count > input.remaining)
      input.fail(`${what}: a set of ${count} keywords in ${input.remaining} bytes`);
    return Array.from({ length: count }, () => readCode(input, dictionary, what));
  });
}

/** Missing bits of exactly ceil(n/8) bytes, with nothing set past row n. */
function paddedBits(bits: Uint8Array, n: number): Uint8Array {
  const padded = noneMissing(n);
  padded.set(bits.subarray(0, padded.length));
  if (n % 8 !== 0 && padded.length > 0) padded[padded.length - 1] &= (1 << (n % 8)) - 1;
  return padded;
}

/** ceil(n/8) bytes of bits, refusing bits set past row n (a writer never sets them). */
function readBits(input: ByteReader, n: number, what: string): Uint8Array {
  const bits = Uint8Array.from(input.raw((n + 7) >> 3, what));
  if (n % 8 !== 0 && bits[bits.length - 1] >> (n % 8) !== 0) input.fail(`${what} set past the last row`);
  return bits;
}

function boolBits(values: Uint8Array): Uint8Array {
  const bits = noneMissing(values.length);
  for (let row = 0; row < values.length; row++) if (values[row] !== 0) bits[row >> 3] |= 1 << (row & 7);
  return bits;
}

function boolsFrom(bits: Uint8Array, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, row) => (bits[row >> 3] >> (row & 7)) & 1);
}

/** int64s as little-endian bytes: the array's own bytes on a little-endian machine. */
function int64Bytes(values: BigInt64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeBigInt64LE(values[i], i * 8);
  return bytes;
}

function float64Bytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeDoubleLE(values[i], i * 8);
  return bytes;
}

/** Copies (the input need not be 8-byte aligned, and must not be kept alive by the result). */
function int64sFrom(bytes: Uint8Array): BigInt64Array {
  const values = new BigInt64Array(bytes.byteLength / 8);
  if (LITTLE_ENDIAN) {
    new Uint8Array(values.buffer).set(bytes);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < values.length; i++) values[i] = view.getBigInt64(i * 8, true);
  }
  return values;
}

function float64sFrom(bytes: Uint8Array): Float64Array {
  const values = new Float64Array(bytes.byteLength / 8);
  if (LITTLE_ENDIAN) {
    new Uint8Array(values.buffer).set(bytes);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, true);
  }
  return values;
}
