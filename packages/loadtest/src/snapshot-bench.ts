#!/usr/bin/env node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { startLocalCluster } from '@vecshard/launcher';
import { describeMachine, machineLine } from './report/machine.js';
import { markdownTable, round } from './report/markdown-table.js';
import { renderSvg } from './report/svg-chart.js';

// Snapshot and restore throughput of one collection against object stores:
// the local folder and, with --s3rver, an S3 endpoint on loopback (s3rver).
// Throughput is list bytes over the job's wall time, measured from the client.

interface StoreCase {
  name: string;
  url: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

interface Row {
  store: string;
  vectors: number;
  /** Loading rate with the write log on (automatic snapshots off, so the first snapshot is a full one). */
  ingest_vps: number;
  mib: number;
  snapshot_s: number;
  snapshot_mib_s: number;
  /** A second snapshot with nothing changed: every list blob is reused. */
  unchanged_snapshot_s: number;
  restore_s: number;
  restore_mib_s: number;
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '128' },
    nlist: { type: 'string', default: '1024' },
    workers: { type: 'string', default: '2' },
    s3rver: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results' },
  },
});
const n = Number(values.n);
const dim = Number(values.dim);
const nlist = Number(values.nlist);

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'vecshard-snapshot-bench-'));
  const { base } = gaussianMixture({ count: n, queries: 0, dim, clusters: 100, noise: 0.3, seed: 7 });
  const stores: StoreCase[] = [
    { name: 'local folder', url: `file://${join(scratch, 'store')}`, env: {}, close: async () => {} },
  ];
  if (values.s3rver) stores.push(await startS3rver(join(scratch, 's3rver')));
  const rows: Row[] = [];
  try {
    for (const store of stores)
      rows.push(await measure(store, base, join(scratch, store.name.replace(/\W/g, '-'))));
  } finally {
    for (const store of stores) await store.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  const table = markdownTable(rows);
  console.log(table);
  await writeReport(rows, table, values.out!);
}

/** bench/results/snapshots.{json,md,svg}: the rows, a table with the machine, and a bar chart. */
async function writeReport(rows: Row[], table: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(
    join(dir, 'snapshots.json'),
    `${JSON.stringify({ machine, n, dim, nlist, rows }, null, 2)}\n`,
  );
  const markdown = [
    '# Snapshot and restore throughput',
    '',
    `- Generated: ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    `- Collection: ${n} × ${dim} synthetic, IVF${nlist},Flat, ${values.workers} workers; MiB = list data in the snapshot`,
    '- ingest_vps: upserts of 10,000 vectors, one at a time, with the write log on (automatic snapshots off). ' +
      'Time is the job from queueing to completion, seen by the client. "unchanged" is a second snapshot ' +
      'with nothing written in between: every list blob is already stored and none is uploaded.',
    '',
    table,
    '',
    '![snapshot and restore MiB/s](snapshots.svg)',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'snapshots.md'), markdown);
  const bars = rows.flatMap((row) => [
    { store: row.store, operation: 'snapshot', mibPerSecond: row.snapshot_mib_s },
    { store: row.store, operation: 'restore', mibPerSecond: row.restore_mib_s },
  ]);
  const svg = await renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Snapshot and restore of ${n} × ${dim} IVF${nlist},Flat`,
    data: { values: bars },
    mark: 'bar',
    encoding: {
      x: { field: 'store', type: 'nominal', title: null },
      xOffset: { field: 'operation' },
      y: { field: 'mibPerSecond', type: 'quantitative', title: 'MiB/s' },
      color: { field: 'operation', type: 'nominal' },
    },
    width: 320,
    height: 220,
  });
  writeFileSync(join(dir, 'snapshots.svg'), svg);
}

async function measure(store: StoreCase, base: Float32Array, dataDir: string): Promise<Row> {
  Object.assign(process.env, store.env, { VECSHARD_SNAPSHOT_EVERY_MB: '0' });
  const cluster = await startLocalCluster({
    workers: Number(values.workers),
    port: 0,
    dataDir,
    storeUrl: store.url,
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    const name = 'snapshot-bench';
    await client.createCollection({ name, dim, metric: 'l2', index: `IVF${nlist},Flat` });
    await client.train(name, base.subarray(0, Math.min(n, 50 * nlist) * dim));
    const batch = 10_000;
    const loadStart = performance.now();
    for (let from = 0; from < n; from += batch) {
      const to = Math.min(n, from + batch);
      const ids = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i));
      await client.upsert(name, ids, base.subarray(from * dim, to * dim));
    }
    const ingestVps = n / ((performance.now() - loadStart) / 1000);
    const timed = async (start: () => Promise<{ id: string }>) => {
      const began = performance.now();
      const job = await client.waitForJob((await start()).id);
      return { seconds: (performance.now() - began) / 1000, result: job.result as Record<string, number> };
    };
    const snapshot = await timed(() => client.snapshot(name));
    const unchanged = await timed(() => client.snapshot(name));
    const restore = await timed(() => client.restore(name));
    const mib = snapshot.result.bytes / 2 ** 20;
    return {
      store: store.name,
      vectors: snapshot.result.vectors,
      ingest_vps: Math.round(ingestVps),
      mib: round(mib),
      snapshot_s: round(snapshot.seconds),
      snapshot_mib_s: round(mib / snapshot.seconds),
      unchanged_snapshot_s: round(unchanged.seconds),
      restore_s: round(restore.seconds),
      restore_mib_s: round(mib / restore.seconds),
    };
  } finally {
    client.close();
    await cluster.close();
  }
}

/** An S3 endpoint on loopback; s3rver is a development dependency of this repository. */
async function startS3rver(directory: string): Promise<StoreCase> {
  const { default: S3rver } = (await import('s3rver' as string)) as {
    default: new (options: object) => { run(): Promise<{ port: number }>; close(): Promise<void> };
  };
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'bench' }],
  });
  const { port } = await server.run();
  return {
    name: 's3 (s3rver)',
    url: 's3://bench/snapshots',
    env: {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      VECSHARD_S3_FORCE_PATH_STYLE: 'true',
    },
    close: () => server.close(),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
