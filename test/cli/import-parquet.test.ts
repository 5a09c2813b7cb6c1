import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFvecs } from '@vecshard/datasets';
import { type ColumnSource, parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors } from '../helpers/data.js';
import { bruteForce, type DocumentRow, documentRows, matchingRows, recallAt } from '../helpers/documents.js';
import { runCli } from '../helpers/run-cli.js';

// `vecshard import --fields file.parquet`: the rows' fields as Parquet
// columns, one per field, read by the coordinator's import job a row group at
// a time beside the vectors.
const N = 300;
const DIM = 8;
const K = 10;
const FIELDS = {
  color: 'keyword',
  price: 'double',
  year: 'int64',
  in_stock: 'bool',
  tags: 'keywords',
  meta: 'json',
} as const;
const rows = documentRows(N, 17);
const vectors = clusteredVectors(N, DIM, 17);
const queries = clusteredVectors(5, DIM, 18);

let cluster: TestCluster;
let dir: string;
const cli = (...args: string[]) => runCli(cluster.coordinator.address, args);

/** The rows as a Parquet file: row groups of 64 rows, so the import's batches of 100 cut across them. */
function writeFieldsParquet(path: string, price: Pick<ColumnSource, 'data' | 'type'>): void {
  parquetWriteFile({
    filename: path,
    rowGroupSize: 64,
    columnData: [
      { name: 'color', data: rows.map((row) => row.color), type: 'STRING' },
      { name: 'price', ...price },
      { name: 'year', data: rows.map((row) => row.year), type: 'INT32' },
      { name: 'in_stock', data: rows.map((row) => row.in_stock), type: 'BOOLEAN' },
      // A JSON field from a plain string column holding JSON text.
      { name: 'meta', data: rows.map((row) => row.meta && JSON.stringify(row.meta)), type: 'STRING' },
    ],
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vecshard-import-parquet-'));
  writeFvecs(join(dir, 'base.fvecs'), vectors, DIM);
  // The coordinator reads local files only under its import root.
  cluster = await startCluster({ workers: 1, coordinatorArgs: ['--import-root', dir] });
});
afterAll(async () => {
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function createCollection(name: string): Promise<void> {
  await cluster.client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: 'IVF4,Flat',
    fields: { ...FIELDS },
  });
}

describe('vecshard import --fields (Parquet)', () => {
  it('imports the vectors with their Parquet fields, which filters, counts, Get and search then see', async () => {
    await createCollection('from-parquet');
    const fields = join(dir, 'fields.parquet');
    writeFieldsParquet(fields, { data: rows.map((row) => row.price), type: 'DOUBLE' });
    const run = await cli(
      'import',
      'from-parquet',
      join(dir, 'base.fvecs'),
      '--fields',
      fields,
      '--batch-size',
      '100',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/job \S+: completed \{.*"vectors":300/);

    // The file has no tags column: every row's tags are missing.
    const imported = rows.map((row) => ({ ...row, tags: null }));
    const counts: [string, (row: DocumentRow) => boolean][] = [
      ["color == 'red' and price < 500", (row) => row.color === 'red' && row.price! < 500],
      ['is_missing(color)', (row) => row.color === null],
      ['is_missing(year)', (row) => row.year === null],
      ['not in_stock', (row) => !row.in_stock],
      ['year >= 2010', (row) => row.year !== null && row.year >= 2010],
      ['is_missing(tags)', () => true],
    ];
    for (const [filter, predicate] of counts) {
      const counted = await cli('count', 'from-parquet', '--filter', filter);
      expect(counted.stderr, filter).toBe('');
      expect(Number(counted.stdout.trim()), filter).toBe(matchingRows(imported, predicate).size);
    }

    const ids = [0, 3, 7, 63, 64, 100, 299];
    const got = await cluster.client.get('from-parquet', ids.map(BigInt), {
      outputFields: Object.keys(FIELDS),
      withVectors: true,
    });
    expect([...got.ids]).toEqual(ids.map(BigInt));
    ids.forEach((id, i) => {
      const fields = Object.fromEntries(Object.keys(FIELDS).map((name) => [name, got.fields[name][i]]));
      expect(fields, `row ${id}`).toEqual(imported[id]);
      expect([...got.vectors!.subarray(i * DIM, (i + 1) * DIM)]).toEqual([
        ...vectors.subarray(id * DIM, (id + 1) * DIM),
      ]);
    });

    // Few matches: the shard searches them exactly, so the answer is brute force over them.
    const selective = (row: DocumentRow) => row.color === 'blue' && row.price !== null && row.price < 300;
    const matches = matchingRows(imported, selective);
    const result = await cluster.client.search('from-parquet', queries, {
      k: K,
      filter: "color == 'blue' and price < 300",
      outputFields: ['color'],
    });
    expect(matches.size).toBeGreaterThan(K);
    expect(recallAt(bruteForce(vectors, DIM, queries, K, matches), result.ids, K)).toBe(1);
    expect(result.fields!.color.every((color) => color === 'blue')).toBe(true);
  });

  it('fails the job for good on a column of the wrong type, naming the column and both types', async () => {
    await createCollection('refused-parquet');
    const fields = join(dir, 'refused.parquet');
    writeFieldsParquet(fields, { data: rows.map((row) => String(row.price)), type: 'STRING' });
    const run = await cli('import', 'refused-parquet', join(dir, 'base.fvecs'), '--fields', fields);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `${fields}: column "price" is BYTE_ARRAY (UTF8); field "price" is double and takes FLOAT or DOUBLE`,
    );
    const id = /job (\S+): import of "refused-parquet" queued/.exec(run.stdout)?.[1] ?? '';
    expect(await cluster.client.getJob(id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await cluster.client.count('refused-parquet')).toBe(0);
  });
});
