import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeColumns, type FieldSpec, isMissing } from '@vecshard/proto';
import type { SchemaElement } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import type { FieldsSource } from '../src/jobs/fields-source.js';
import { ImportRoots } from '../src/jobs/import-roots.js';
import { openFieldsSource } from '../src/jobs/open-fields-source.js';

// The Parquet side of an import's fields: files written here with
// hyparquet-writer, read through the same opener the import job uses.

const dir = mkdtempSync(join(tmpdir(), 'vecshard-parquet-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'year', type: 'int64' },
  { name: 'price', type: 'double' },
  { name: 'in_stock', type: 'bool' },
  { name: 'tags', type: 'keywords' },
  { name: 'meta', type: 'json' },
];

/** One Parquet column: its values and its schema elements (three for a LIST). */
interface ParquetColumn {
  name: string;
  data: unknown[];
  elements: SchemaElement[];
}

const optional = (name: string, element: Omit<SchemaElement, 'name'>): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', ...element },
];
const string = (name: string) => optional(name, { type: 'BYTE_ARRAY', converted_type: 'UTF8' });
const int64 = (name: string) => optional(name, { type: 'INT64' });
const int32 = (name: string) => optional(name, { type: 'INT32' });
const double = (name: string) => optional(name, { type: 'DOUBLE' });
const float = (name: string) => optional(name, { type: 'FLOAT' });
const boolean = (name: string) => optional(name, { type: 'BOOLEAN' });
const json = (name: string) => optional(name, { type: 'BYTE_ARRAY', converted_type: 'JSON' });
const list = (name: string, item: Omit<SchemaElement, 'name'>): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', ...item },
];

let files = 0;
function writeParquet(columns: ParquetColumn[], rowGroupSize = 1000, name = `f${files++}.parquet`): string {
  const path = join(dir, name);
  parquetWriteFile({
    filename: path,
    columnData: columns.map(({ name, data }) => ({ name, data })),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.flatMap((column) => column.elements)],
    rowGroupSize,
  });
  return path;
}

const N = 23;
/** Row i's fields; every field is null somewhere, at a different row each. */
function row(i: number) {
  return {
    color: i % 5 === 1 ? null : ['red', 'green', 'blue'][i % 3],
    year: i % 7 === 2 ? null : 1990 + i,
    price: i % 4 === 3 ? null : i * 1.25,
    in_stock: i % 6 === 4 ? null : i % 2 === 0,
    tags: i % 8 === 5 ? null : Array.from({ length: i % 3 }, (_, j) => `t${i + j}`),
    meta: i % 9 === 6 ? null : { row: i },
  };
}
const ROWS = Array.from({ length: N }, (_, i) => row(i));

function documentsFile(rowGroupSize: number, name?: string): string {
  return writeParquet(
    [
      { name: 'color', data: ROWS.map((r) => r.color), elements: string('color') },
      {
        name: 'year',
        data: ROWS.map((r) => (r.year === null ? null : BigInt(r.year))),
        elements: int64('year'),
      },
      { name: 'price', data: ROWS.map((r) => r.price), elements: double('price') },
      { name: 'in_stock', data: ROWS.map((r) => r.in_stock), elements: boolean('in_stock') },
      {
        name: 'tags',
        data: ROWS.map((r) => r.tags),
        elements: list('tags', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
      },
      {
        name: 'meta',
        data: ROWS.map((r) => (r.meta === null ? null : JSON.stringify(r.meta))),
        elements: string('meta'),
      },
    ],
    rowGroupSize,
    name,
  );
}

/** Reads `batches` (row counts) through a fields source, as the import job does, into plain rows. */
async function readRows(source: FieldsSource, schema: FieldSpec[], batches: number[]) {
  const out: Record<string, unknown>[] = [];
  try {
    for (const rows of batches) {
      const columns = decodeColumns(schema, await source.next(rows, schema), rows);
      for (let r = 0; r < rows; r++) {
        out.push(
          Object.fromEntries(
            columns.map((column) => {
              const value = isMissing(column.missing, r) ? null : (column.values as ArrayLike<unknown>)[r];
              return [column.name, plain(column.type, value)];
            }),
          ),
        );
      }
    }
  } finally {
    await source.release();
  }
  return out;
}

function plain(type: FieldSpec['type'], value: unknown): unknown {
  if (value === null) return null;
  if (type === 'int64') return Number(value);
  if (type === 'bool') return value === 1;
  if (type === 'json') return JSON.parse(value as string);
  return value;
}

const open = (path: string) =>
  openFieldsSource(path, {
    store: undefined,
    stagingDir: dir,
    importRoots: ImportRoots.of({ importRoots: [dir] }),
  });

describe('Parquet fields of an import', () => {
  it('maps every column type to its field, null to missing, across row groups and batches', async () => {
    // Groups of 5 rows, batches of 4, 7 and 12: batches start and end inside groups and span several.
    const read = await readRows(await open(documentsFile(5)), SCHEMA, [4, 7, 12]);
    expect(read).toEqual(ROWS);
  });

  it('resumes after skipped rows without reading them', async () => {
    const source = await open(documentsFile(5));
    await source.skip(9);
    expect(await readRows(source, SCHEMA, [6, 8])).toEqual(ROWS.slice(9));
  });

  it('knows a Parquet file by its magic bytes whatever its name', async () => {
    const path = documentsFile(1000, 'fields.data');
    expect(await readRows(await open(path), SCHEMA, [N])).toEqual(ROWS);
  });

  it('widens INT32 and FLOAT, takes a JSON column, leaves a field without a column missing, ignores a pandas index', async () => {
    const path = writeParquet([
      { name: 'year', data: [2001, null, -7], elements: int32('year') },
      { name: 'price', data: [1.5, 2, null], elements: float('price') },
      // hyparquet-writer writes a JSON column's values as their JSON text.
      { name: 'meta', data: [{ a: [1, 2] }, null, 'text'], elements: json('meta') },
      { name: '__index_level_0__', data: [10n, 11n, 12n], elements: int64('__index_level_0__') },
    ]);
    const schema: FieldSpec[] = [
      ...SCHEMA.filter((f) => f.name !== 'price'),
      { name: 'price', type: 'double' },
    ];
    expect(await readRows(await open(path), schema, [3])).toEqual([
      { color: null, year: 2001, in_stock: null, tags: null, meta: { a: [1, 2] }, price: 1.5 },
      { color: null, year: null, in_stock: null, tags: null, meta: null, price: 2 },
      { color: null, year: -7, in_stock: null, tags: null, meta: 'text', price: null },
    ]);
  });

  it('takes an integer column for a double field', async () => {
    const path = writeParquet([{ name: 'price', data: [3n, null], elements: int64('price') }]);
    expect(await readRows(await open(path), SCHEMA, [2])).toEqual([
      expect.objectContaining({ price: 3 }),
      expect.objectContaining({ price: null }),
    ]);
  });

  it('refuses a column that is not a field, naming it and the fields', async () => {
    const path = writeParquet([
      { name: 'color', data: ['red'], elements: string('color') },
      { name: 'colour', data: ['red'], elements: string('colour') },
    ]);
    await expect(readRows(await open(path), SCHEMA, [1])).rejects.toThrow(
      `${path}: column "colour" is not a field of the collection (its fields: color, year, price, in_stock, tags, meta)`,
    );
  });

  it.each([
    [
      'a string column for a double field',
      string('price'),
      ['1.5'],
      'column "price" is BYTE_ARRAY (UTF8); field "price" is double and takes FLOAT or DOUBLE',
    ],
    [
      'a DOUBLE column for an int64 field',
      double('year'),
      [2001.5],
      'column "year" is DOUBLE; field "year" is int64 and takes INT32 or INT64',
    ],
    [
      'a timestamp for an int64 field',
      optional('year', { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }),
      [new Date(0)],
      'column "year" is INT64 (TIMESTAMP_MILLIS)',
    ],
    [
      'a LIST of integers for a keywords field',
      list('tags', { type: 'INT32' }),
      [[1, 2]],
      'column "tags" is LIST<INT32>; field "tags" is keywords and takes a LIST of strings',
    ],
    [
      'a string for a keywords field',
      string('tags'),
      ['a,b'],
      'column "tags" is BYTE_ARRAY (UTF8); field "tags" is keywords',
    ],
    [
      'an integer for a bool field',
      int32('in_stock'),
      [1],
      'column "in_stock" is INT32; field "in_stock" is bool and takes BOOLEAN',
    ],
  ])('refuses %s, naming the column and both types', async (_, elements, data, message) => {
    const path = writeParquet([{ name: elements[0].name, data, elements }]);
    const failure = readRows(await open(path), SCHEMA, [1]);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toMatchObject({ permanent: true });
  });

  it.each([
    [
      'text that is not JSON',
      string('meta'),
      ['{}', '{"a":', '[]'],
      'row 1 of FILE: column "meta" (json) holds "{\\"a\\":", not JSON text',
    ],
    [
      'an unsigned integer past int64',
      optional('year', { type: 'INT64', converted_type: 'UINT_64' }),
      [1n, 2n, 2n ** 64n - 1n],
      'row 2 of FILE: column "year" (int64) holds 18446744073709551615, beyond the int64 range',
    ],
    [
      'NaN for a double field',
      double('price'),
      [1, Number.NaN, 2],
      'row 1 of FILE: column "price" (double) holds NaN; values must be finite',
    ],
    [
      'a null element in a keyword list',
      list('tags', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
      [['a'], ['b'], ['c', null]],
      'row 2 of FILE: column "tags" (keywords) holds ["c",null]',
    ],
  ])('refuses %s, naming the column and the file row', async (_, elements, data, message) => {
    // Groups of 2 rows read in batches of 1: the row counts from the file's start.
    const path = writeParquet([{ name: elements[0].name, data, elements }], 2);
    const failure = readRows(await open(path), SCHEMA, [1, 1, 1]);
    await expect(failure).rejects.toThrow(message.replace('FILE', path));
    await expect(failure).rejects.toMatchObject({ permanent: true });
  });

  it('fails when the file ends before the vectors do', async () => {
    const path = documentsFile(5);
    await expect(readRows(await open(path), SCHEMA, [20, 4])).rejects.toThrow(
      `fields file ${path} ends at row 23, before the vectors do`,
    );
  });

  it('fails for good on a .parquet file that is not Parquet', async () => {
    const path = join(dir, 'broken.parquet');
    writeFileSync(path, 'color\nred\n');
    await expect(open(path)).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining(`fields file ${path} is not a readable Parquet file`),
    });
  });

  it('still reads JSON Lines for any other file', async () => {
    const path = join(dir, 'fields.jsonl');
    writeFileSync(path, '{"color":"red"}\n{"year":2001}\n');
    expect(await readRows(await open(path), SCHEMA, [2])).toEqual([
      { color: 'red', year: null, price: null, in_stock: null, tags: null, meta: null },
      { color: null, year: 2001, price: null, in_stock: null, tags: null, meta: null },
    ]);
  });
});
