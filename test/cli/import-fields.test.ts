import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFvecs } from '@vecshard/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors } from '../helpers/data.js';
import { type DocumentRow, documentRows, matchingRows } from '../helpers/documents.js';
import { runCli } from '../helpers/run-cli.js';

// `vecshard import --fields`: a vector file and a JSON Lines file of the same
// rows, read by the coordinator's import job side by side.
const N = 300;
const DIM = 8;
const FIELDS = {
  color: 'keyword',
  price: 'double',
  year: 'int64',
  in_stock: 'bool',
  tags: 'keywords',
  meta: 'json',
} as const;
const rows = documentRows(N, 11);
const vectors = clusteredVectors(N, DIM, 11);

let cluster: TestCluster;
let dir: string;
const cli = (...args: string[]) => runCli(cluster.coordinator.address, args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vecshard-import-fields-'));
  writeFvecs(join(dir, 'base.fvecs'), vectors, DIM);
  writeFileSync(join(dir, 'fields.jsonl'), rows.map(jsonLine).join('\n'));
  // The coordinator reads local files only under its import root.
  cluster = await startCluster({ workers: 1, coordinatorArgs: ['--import-root', dir] });
});
afterAll(async () => {
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A row as one line; no value is left out on even rows and written as null on odd ones (both mean missing). */
function jsonLine(row: DocumentRow, i: number): string {
  const entries = Object.entries(row).filter(([, value]) => i % 2 === 1 || value !== null);
  return JSON.stringify(Object.fromEntries(entries));
}

describe('vecshard import --fields', () => {
  it('imports the vectors with their fields, which filters, counts and Get then see', async () => {
    await cluster.client.createCollection({
      name: 'with-fields',
      dim: DIM,
      metric: 'l2',
      index: 'IVF4,Flat',
      fields: { ...FIELDS },
    });
    const run = await cli(
      'import',
      'with-fields',
      join(dir, 'base.fvecs'),
      '--fields',
      join(dir, 'fields.jsonl'),
      '--batch-size',
      '100',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Progress lines as without --fields (300 rows may finish before a poll sees it running).
    expect(run.stdout).toMatch(/job \S+: (running|completed) [\d.]+% \(\d+\/\d+ vectors\)/);
    expect(run.stdout).toMatch(/job \S+: completed \{.*"vectors":300/);

    const counts: [string, (row: DocumentRow) => boolean][] = [
      ["color == 'red' and price < 500", (row) => row.color === 'red' && row.price! < 500],
      ['is_missing(color)', (row) => row.color === null],
      ['not in_stock', (row) => !row.in_stock],
      ["tags in ['t0', 't1'] and year >= 2010", (row) => hasTag(row, 't0', 't1') && row.year! >= 2010],
      // A complement: rows without a year pass it.
      ['year != 2000', (row) => row.year !== 2000],
    ];
    for (const [filter, predicate] of counts) {
      const counted = await cli('count', 'with-fields', '--filter', filter);
      expect(counted.stderr, filter).toBe('');
      expect(Number(counted.stdout.trim()), filter).toBe(matchingRows(rows, predicate).size);
    }

    const ids = [0, 3, 7, 10, 299];
    const got = await cluster.client.get('with-fields', ids.map(BigInt), {
      outputFields: Object.keys(FIELDS),
      withVectors: true,
    });
    expect([...got.ids]).toEqual(ids.map(BigInt));
    ids.forEach((id, i) => {
      const want = rows[id];
      const fields = Object.fromEntries(Object.keys(FIELDS).map((name) => [name, got.fields[name][i]]));
      expect({ ...fields, tags: sorted(fields.tags) }, `row ${id}`).toEqual({
        ...want,
        tags: sorted(want.tags),
      });
      expect([...got.vectors!.subarray(i * DIM, (i + 1) * DIM)]).toEqual([
        ...vectors.subarray(id * DIM, (id + 1) * DIM),
      ]);
    });
  });

  it('fails the job for good on a value of the wrong type, naming the line and field', async () => {
    await cluster.client.createCollection({
      name: 'refused',
      dim: DIM,
      metric: 'l2',
      index: 'IVF4,Flat',
      fields: { ...FIELDS },
    });
    // Line 150 is in the second batch of 100: the line number counts from the file's start.
    const lines = rows.map(jsonLine);
    lines[149] = JSON.stringify({ color: 'red', price: 'cheap' });
    const fields = join(dir, 'refused.jsonl.gz');
    writeFileSync(fields, gzipSync(lines.join('\n')));

    const run = await cli(
      'import',
      'refused',
      join(dir, 'base.fvecs'),
      '--fields',
      fields,
      '--batch-size',
      '100',
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `line 150 of ${fields}: field "price" is double, got "cheap" (expected a number)`,
    );
    // Permanent: one attempt, not the import's six with backoff.
    const id = /job (\S+): import of "refused" queued/.exec(run.stdout)?.[1] ?? '';
    const job = await cluster.client.getJob(id);
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
  });
});

function hasTag(row: DocumentRow, ...tags: string[]): boolean {
  return (row.tags ?? []).some((tag) => tags.includes(tag));
}

function sorted(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort() : value;
}
