#!/usr/bin/env node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { freePort, startLocalCluster, startProcess } from '@vecshard/launcher';
import { describeMachine, machineLine } from './report/machine.js';

// What Redis's durability costs ingest: the same upserts (write log on) against
// a redis-server without persistence, with the append-only file fsynced every
// second, and fsynced on every write. Redis writes the file before it replies,
// so a killed redis-server loses nothing acknowledged in either AOF mode; the
// fsync policy only bounds what a crash of the machine can lose.

interface Row {
  redis: string;
  batch: number;
  vectors: number;
  /** The median of the rounds. */
  ingest_vps: number;
  rounds_vps: number[];
}

const MODES = [
  { name: 'no persistence', args: ['--appendonly', 'no'] },
  { name: 'appendfsync everysec', args: ['--appendonly', 'yes', '--appendfsync', 'everysec'] },
  { name: 'appendfsync always', args: ['--appendonly', 'yes', '--appendfsync', 'always'] },
];

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    dim: { type: 'string', default: '128' },
    nlist: { type: 'string', default: '256' },
    batches: { type: 'string', default: '10000,100' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const n = Number(values.n);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const batchSizes = values.batches!.split(',').map(Number);

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'vecshard-fsync-bench-'));
  const { base } = gaussianMixture({ count: n, queries: 0, dim, clusters: 100, noise: 0.3, seed: 11 });
  const rows: Row[] = [];
  try {
    // Rounds go through every mode in turn, so a machine that gets busier or quieter
    // during the run shifts every mode alike; each mode reports its median.
    const seen = new Map<string, number[]>();
    for (let round = 0; round < Number(values.rounds); round++)
      for (const batch of batchSizes)
        for (const [index, mode] of MODES.entries()) {
          const vps = await measure(mode, batch, base, join(scratch, `${round}-${batch}-${index}`));
          const key = `${mode.name}|${batch}`;
          seen.set(key, [...(seen.get(key) ?? []), vps]);
        }
    for (const [key, rounds] of seen) {
      const [redis, batch] = key.split('|');
      const sorted = [...rounds].sort((a, b) => a - b);
      rows.push({
        redis,
        batch: Number(batch),
        vectors: vectorsFor(Number(batch)),
        ingest_vps: sorted[Math.floor(sorted.length / 2)],
        rounds_vps: rounds,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const table = [
    '| redis | batch | vectors | ingest_vps (median) | rounds |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.redis} | ${r.batch} | ${r.vectors} | ${r.ingest_vps} | ${r.rounds_vps.join(', ')} |`,
    ),
  ].join('\n');
  console.log(table);
  mkdirSync(values.out!, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(
    join(values.out!, 'redis-fsync.json'),
    `${JSON.stringify({ machine, n, dim, nlist, rows }, null, 2)}\n`,
  );
  writeFileSync(
    join(values.out!, 'redis-fsync.md'),
    [
      "# Ingest against Redis's persistence modes",
      '',
      `- Generated: ${new Date().toISOString()}`,
      `- Machine: ${machine}`,
      `- Collection: ${dim}-dimensional synthetic, IVF${nlist},Flat, 2 workers, write log on (a file store); ` +
        'upserts one at a time from one client; fewer vectors for the small batches',
      '',
      table,
      '',
    ].join('\n'),
  );
}

async function measure(
  mode: (typeof MODES)[number],
  batch: number,
  base: Float32Array,
  dataDir: string,
): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const redis = await startProcess({
    name: 'redis',
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dataDir, ...mode.args],
    ready: /Ready to accept connections/,
  });
  process.env.VECSHARD_SNAPSHOT_EVERY_MB = '0';
  const cluster = await startLocalCluster({
    workers: 2,
    port: 0,
    dataDir,
    redisUrl: `redis://127.0.0.1:${port}`,
    storeUrl: `file://${join(dataDir, 'store')}`,
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    const name = 'fsync-bench';
    await client.createCollection({ name, dim, metric: 'l2', index: `IVF${nlist},Flat` });
    await client.train(name, base.subarray(0, Math.min(n, 50 * nlist) * dim));
    const vectors = vectorsFor(batch);
    const started = performance.now();
    for (let from = 0; from < vectors; from += batch) {
      const to = Math.min(vectors, from + batch);
      const ids = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i));
      await client.upsert(name, ids, base.subarray(from * dim, to * dim));
    }
    const vps = Math.round(vectors / ((performance.now() - started) / 1000));
    console.error(`${mode.name}, batch ${batch}: ${vps} vectors/s`);
    return vps;
  } finally {
    client.close();
    await cluster.close();
    await redis.stop();
  }
}

/** Small batches take one round trip each: fewer of them keep the run short. */
function vectorsFor(batch: number): number {
  return batch >= 1000 ? n : Math.min(n, batch * 200);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
