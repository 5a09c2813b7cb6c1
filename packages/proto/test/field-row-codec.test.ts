import { status } from '@grpc/grpc-js';
import type { Column, FieldSpec } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { columnsOf, type RowValues } from '../../shard-worker/test/fields-model.js';
import { decodeFieldRows as decodeRows, encodeFieldRows as encodeRows } from '../src/fields/row-codec.js';

const SCHEMA: FieldSpec[] = [
  { name: 'n', type: 'int64' },
  { name: 'price', type: 'double' },
  { name: 'color', type: 'keyword' },
  { name: 'flag', type: 'bool' },
  { name: 'tags', type: 'keywords' },
  { name: 'doc', type: 'json' },
];

const ROWS: RowValues[] = [
  { n: -(2n ** 63n), price: -0, color: 'red', flag: true, tags: ['a', 'b', 'a'], doc: '{"k":"ü"}' },
  { n: 2n ** 63n - 1n, price: Number.NaN, color: 'red', flag: false, tags: [] },
  {},
  { n: 0n, price: Number.POSITIVE_INFINITY, color: '日本', flag: true, tags: ['b'], doc: '' },
  { color: '', tags: [''] },
  { n: 12345678901234n, price: 1e-300, flag: false },
  { color: 'red', tags: ['z', 'a'] },
  { n: -1n, price: -1.5, color: 'blue', flag: true, tags: ['a'], doc: 'null' },
  { n: 7n },
];
const IDS = BigInt64Array.from([5n, -1n, 2n ** 62n, 0n, 9n, -(2n ** 63n), 3n, 4n, 8n]);

function refusalOf(action: () => unknown): { code: unknown; message: string } {
  try {
    action();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('the action was not refused');
}

const invalid = (message: RegExp) => ({
  code: status.INVALID_ARGUMENT,
  message: expect.stringMatching(message),
});

/** A column with only the values of rows that have one, as comparable plain data. */
function plain(column: Column): unknown[] {
  return Array.from(column.values as ArrayLike<unknown>, (value, row) =>
    (column.missing[row >> 3] ?? 0) & (1 << (row & 7)) ? 'missing' : value,
  );
}

describe('row codec', () => {
  it('round-trips ids and every field type, missing values, NaN and -0 included', () => {
    const columns = columnsOf(SCHEMA, ROWS);
    const bytes = encodeRows(SCHEMA, IDS, columns);
    const decoded = decodeRows(SCHEMA, bytes);
    expect([...decoded.ids]).toEqual([...IDS]);
    expect(decoded.columns.map((column) => [column.name, column.type])).toEqual(
      SCHEMA.map((s) => [s.name, s.type]),
    );
    decoded.columns.forEach((column, i) => {
      expect(plain(column)).toEqual(plain(columns[i]));
      expect([...column.missing]).toEqual([...columns[i].missing]);
    });
    expect(Object.is(decoded.columns[1].values[0], -0)).toBe(true);
    expect(Number.isNaN(decoded.columns[1].values[1])).toBe(true);
  });

  it('round-trips zero rows and a schema without fields', () => {
    const empty = decodeRows(SCHEMA, encodeRows(SCHEMA, new BigInt64Array(0), columnsOf(SCHEMA, [])));
    expect(empty.ids.length).toBe(0);
    expect(empty.columns.map((column) => column.values.length)).toEqual([0, 0, 0, 0, 0, 0]);
    const idsOnly = decodeRows([], encodeRows([], IDS, []));
    expect([...idsOnly.ids]).toEqual([...IDS]);
    expect(idsOnly.columns).toEqual([]);
  });

  it('decodes from a view at an odd offset inside a larger buffer', () => {
    const bytes = encodeRows(SCHEMA, IDS, columnsOf(SCHEMA, ROWS));
    const framed = Buffer.concat([Buffer.from([1, 2, 3]), bytes, Buffer.from([4])]);
    const decoded = decodeRows(SCHEMA, framed.subarray(3, 3 + bytes.length));
    expect([...decoded.ids]).toEqual([...IDS]);
  });

  it('is compact for repeated keywords', () => {
    const schema: FieldSpec[] = [{ name: 'tags', type: 'keywords' }];
    const rows = Array.from({ length: 1000 }, (_, i) => ({ tags: [`tag-${i % 10}`, `tag-${(i + 1) % 10}`] }));
    const bytes = encodeRows(schema, new BigInt64Array(1000), columnsOf(schema, rows));
    // Header, 8 bytes of id and 3 bytes of tags per row (a count and two one-byte codes), the dictionary.
    expect(bytes.length).toBeLessThan(1000 * 11 + 200);
  });

  it('refuses a buffer written for another schema, naming both', () => {
    const bytes = encodeRows(SCHEMA, IDS, columnsOf(SCHEMA, ROWS));
    const renamed = SCHEMA.map((spec) => (spec.name === 'color' ? { ...spec, name: 'colour' } : spec));
    expect(refusalOf(() => decodeRows(renamed, bytes))).toEqual(
      invalid(
        /written for fields \(n int64, price double, color keyword.*this collection has \(n int64, price double, colour keyword/,
      ),
    );
    const retyped = SCHEMA.map((spec) => (spec.name === 'n' ? { ...spec, type: 'double' as const } : spec));
    expect(refusalOf(() => decodeRows(retyped, bytes))).toEqual(invalid(/this collection has \(n double/));
    expect(refusalOf(() => decodeRows(SCHEMA.slice(0, 5), bytes))).toEqual(invalid(/written for fields/));
  });

  it('refuses corrupt input', () => {
    const bytes = encodeRows(SCHEMA, IDS, columnsOf(SCHEMA, ROWS));
    const corrupt = (change: (copy: Buffer) => Buffer) =>
      refusalOf(() => decodeRows(SCHEMA, change(Buffer.from(bytes))));
    expect(corrupt((b) => b.subarray(0, 3))).toEqual(invalid(/truncated: magic/));
    expect(corrupt((b) => Buffer.concat([Buffer.from('XXXX'), b.subarray(4)]))).toEqual(
      invalid(/not a field rows buffer/),
    );
    expect(
      corrupt((b) => {
        b.writeUInt16LE(2, 4);
        return b;
      }),
    ).toEqual(invalid(/version 2, this worker reads 1/));
    expect(
      corrupt((b) => {
        b.writeUInt32LE(10_000_000, 8);
        return b;
      }),
    ).toEqual(invalid(/truncated: ids needs 80000000 bytes/));
    expect(corrupt((b) => Buffer.concat([b, Buffer.from([0])]))).toEqual(
      invalid(/1 unexpected bytes after the last field/),
    );
    // Every proper prefix is refused, never decoded into something else.
    for (let length = 0; length < bytes.length; length++) {
      expect(refusalOf(() => decodeRows(SCHEMA, bytes.subarray(0, length))).code).toBe(
        status.INVALID_ARGUMENT,
      );
    }
  });

  it('refuses bad sections: lengths, flags, codes, counts and text', () => {
    const schema: FieldSpec[] = [{ name: 'color', type: 'keyword' }];
    const bytes = encodeRows(schema, BigInt64Array.of(1n, 2n), columnsOf(schema, [{ color: 'ab' }, {}]));
    // magic 4, version 2, count 2, rows 4, type 1, name length 1, "color" 5, ids 16: the section starts at 35.
    const section = 35;
    expect(bytes.readUInt32LE(section)).toBe(bytes.length - section - 4);
    const corrupt = (offset: number, value: number) => {
      const copy = Buffer.from(bytes);
      copy[offset] = value;
      return refusalOf(() => decodeRows(schema, copy));
    };
    const body = section + 4; // flags, missing bits, dictionary size, "ab", one code
    expect([...bytes.subarray(body)]).toEqual([1, 0b10, 1, 2, 0x61, 0x62, 0]);
    expect(corrupt(section, bytes[section] + 1)).toEqual(invalid(/truncated: field "color"/));
    expect(corrupt(section, bytes[section] - 1)).toEqual(
      invalid(/truncated|unexpected bytes after field "color"/),
    );
    expect(corrupt(body, 3)).toEqual(invalid(/unknown flags 3/));
    expect(corrupt(body + 1, 0b110)).toEqual(invalid(/missing bits set past the last row/));
    expect(corrupt(body + 2, 9)).toEqual(invalid(/dictionary of 9 entries/));
    expect(corrupt(body + 4, 0xff)).toEqual(invalid(/not valid UTF-8/));
    expect(corrupt(body + 6, 1)).toEqual(invalid(/code 1 outside a dictionary of 1/));
    expect(corrupt(body + 6, 0x80)).toEqual(invalid(/truncated/));
  });

  it('refuses to encode columns that do not fit the schema', () => {
    const columns = columnsOf(SCHEMA, ROWS);
    expect(refusalOf(() => encodeRows(SCHEMA, IDS.subarray(1), columns))).toEqual(invalid(/column 0 is "n"/));
    expect(refusalOf(() => encodeRows(SCHEMA.slice(1), IDS, columns))).toEqual(
      invalid(/6 columns for a schema of 5/),
    );
  });
});
