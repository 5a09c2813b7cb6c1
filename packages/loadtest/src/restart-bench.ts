#!/usr/bin/env node
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { startLocalCluster } from '@vecshard/launcher';
import { describeMachine, machineLine } from './report/machine.js';
import { markdownTable, round } from './report/markdown-table.js';
import { renderSvg } from './report/svg-chart.js';

// Time from start to serving of a local cluster restarted on its data dir:
// N vectors loaded, snapshotted, more written after the snapshot (they live in
// the write log only), the cluster stopped; then a second start on the same
// data dir, timed until every collection is served again (its workers
// refilled from the snapshot and the write log) and a search answers.

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '128' },
    nlist: { type: 'string', default: '1024' },
    workers: { type: 'string', default: '2' },
    'after-snapshot': { type: 'string', default: '20000' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const n = Number(values.n);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const workers = Number(values.workers);
const afterSnapshot = Number(values['after-snapshot']);
const NAME = 'restart-bench';

interface Result {
  vectors: number;
  logged_after_snapshot: number;
  redis_aof_mib: number;
  store_mib: number;
  processes_ready_s: number;
  serving_s: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-restart-bench-'));
  try {
    const { base, queries } = gaussianMixture({
      count: n + afterSnapshot,
      queries: 10,
      dim,
      clusters: 100,
      noise: 0.3,
      seed: 7,
    });
    await load(dataDir, base);
    const result = await restart(dataDir, queries);
    const table = markdownTable([result]);
    console.log(table);
    await writeReport(result, table, values.out!);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** First run: load, snapshot, write more, stop. */
async function load(dataDir: string, base: Float32Array): Promise<void> {
  process.env.VECSHARD_SNAPSHOT_EVERY_MB = '0';
  const cluster = await startLocalCluster({ workers, port: 0, dataDir });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    await client.createCollection({ name: NAME, dim, metric: 'l2', index: `IVF${nlist},Flat` });
    await client.train(NAME, base.subarray(0, Math.min(n, 50 * nlist) * dim));
    await upsertRange(client, base, 0, n);
    console.error(`restart-bench: loaded ${n} vectors; snapshotting`);
    await client.waitForJob((await client.snapshot(NAME)).id);
    await upsertRange(client, base, n, n + afterSnapshot);
  } finally {
    client.close();
    await cluster.close();
  }
}

async function upsertRange(client: VecshardClient, base: Float32Array, from: number, to: number) {
  const batch = 10_000;
  for (let at = from; at < to; at += batch) {
    const end = Math.min(to, at + batch);
    const ids = BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i));
    await client.upsert(NAME, ids, base.subarray(at * dim, end * dim));
  }
}

/** Second run on the same data dir, timed from the start until the collection answers a search. */
async function restart(dataDir: string, queries: Float32Array): Promise<Result> {
  const started = performance.now();
  const cluster = await startLocalCluster({ workers, port: 0, dataDir });
  const processesReady = performance.now();
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    await client.waitUntilLoaded(NAME);
    await client.search(NAME, queries, { k: 10 });
    const serving = performance.now();
    const served = await client.getCollection(NAME);
    if (served.vectors !== n + afterSnapshot) {
      throw new Error(`the restarted cluster holds ${served.vectors} vectors, not ${n + afterSnapshot}`);
    }
    return {
      vectors: served.vectors,
      logged_after_snapshot: afterSnapshot,
      redis_aof_mib: round(folderBytes(join(dataDir, 'redis')) / 2 ** 20),
      store_mib: round(folderBytes(join(dataDir, 'store')) / 2 ** 20),
      processes_ready_s: round((processesReady - started) / 1000),
      serving_s: round((serving - started) / 1000),
    };
  } finally {
    client.close();
    await cluster.close();
  }
}

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function writeReport(result: Result, table: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(
    join(dir, 'restart.json'),
    `${JSON.stringify({ machine, n, dim, nlist, workers, result }, null, 2)}\n`,
  );
  const markdown = [
    '# Restart of a local cluster: time from start to serving',
    '',
    `- Generated: ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    `- Collection: ${n} × ${dim} synthetic, IVF${nlist},Flat, ${workers} workers, snapshotted, then ` +
      `${afterSnapshot} more vectors written (in the write log only); the cluster stopped and started again ` +
      'on the same data dir. processes_ready_s: redis-server (loading its append-only file), workers and ' +
      'coordinator up; serving_s: until the refill job finished and a search answered.',
    '',
    table,
    '',
    '![start to serving](restart.svg)',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'restart.md'), markdown);
  const svg = await renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Restart of ${n} × ${dim}: seconds from start`,
    data: {
      values: [
        { phase: 'processes ready', seconds: result.processes_ready_s },
        { phase: 'serving', seconds: result.serving_s },
      ],
    },
    mark: 'bar',
    encoding: {
      y: { field: 'phase', type: 'nominal', title: null, sort: null },
      x: { field: 'seconds', type: 'quantitative', title: 'seconds from start' },
    },
    width: 320,
    height: 80,
  });
  writeFileSync(join(dir, 'restart.svg'), svg);
}

main().catch((error) => {
  console.error(`restart-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
