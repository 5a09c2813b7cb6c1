#!/usr/bin/env node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture, SeededRandom } from '@vecshard/datasets';
import { startLocalCluster } from '@vecshard/launcher';
import {
  type FanoutRow,
  fanoutSection,
  fanoutTable,
  fanoutVerdict,
  replaceFanoutRows,
  withFanoutSection,
} from './fanout/fanout-row.js';
import { LatencyHistogram } from './metrics/latency-histogram.js';
import { describeMachine, machineLine } from './report/machine.js';

// `npm run bench:fanout`: what one-row upserts cost as the cluster grows. A
// cluster as `vecshard up --workers 8 --threads 1` starts it (write log on a
// file store); per shard count and replication factor, a d = 64 collection
// holding `--base` vectors takes one-row upserts of new ids, one at a time,
// and then one-row upserts of stored ids with new vectors. The worker calls
// (AddPreassigned + Delete, from the coordinator's metrics) are counted per
// upsert, and the upserts of new ids are timed. Rows go to
// bench/results/fanout.{json,md} and, as `suite: "fanout"`, into
// bench/results/latest.json (other rows kept).

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '8' },
    shards: { type: 'string', default: '1,2,4,8' },
    replicas: { type: 'string', default: '1,2' },
    dim: { type: 'string', default: '64' },
    nlist: { type: 'string', default: '64' },
    base: { type: 'string', default: '20000' },
    upserts: { type: 'string', default: '400' },
    reupserts: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '50' },
    out: { type: 'string', default: 'bench/results' },
    /** An earlier run's fanout.json (other code), shown beside this run in fanout.md. */
    baseline: { type: 'string' },
    'baseline-label': { type: 'string', default: 'baseline' },
    /** A line about the run for fanout.md (what else the machine was doing, say). */
    note: { type: 'string' },
  },
});
const workers = Number(values.workers);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const baseCount = Number(values.base);
const upserts = Number(values.upserts);
const reupserts = Number(values.reupserts);
const warmup = Number(values.warmup);
const index = `IVF${nlist},Flat`;
const dataset = `synthetic-n${baseCount}-d${dim}`;

/** Coordinator → worker calls that carry writes. */
const WRITE_METHODS = ['AddPreassigned', 'Delete'];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-fanout-bench-'));
  let metricsUrl: string | undefined;
  const cluster = await startLocalCluster({
    workers,
    port: 0,
    dataDir,
    threads: 1,
    log: (line) => {
      metricsUrl ??= /\[coordinator\] coordinator metrics at (\S+)/.exec(line)?.[1];
    },
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 120_000 });
  const machine = machineLine(describeMachine());
  const generatedAt = new Date().toISOString();
  const rows: FanoutRow[] = [];
  try {
    if (!metricsUrl) throw new Error('the coordinator printed no metrics URL');
    const { base } = gaussianMixture({
      count: baseCount,
      queries: 0,
      dim,
      clusters: 100,
      noise: 0.3,
      seed: 5,
    });
    const fresh = gaussianMixture({
      count: warmup + upserts + reupserts,
      queries: 0,
      dim,
      clusters: 100,
      noise: 0.3,
      seed: 6,
    }).base;
    for (const replicationFactor of values.replicas!.split(',').map(Number)) {
      for (const shards of values.shards!.split(',').map(Number)) {
        if (shards > workers || replicationFactor > workers) continue;
        const row = await measure(client, metricsUrl, shards, replicationFactor, base, fresh);
        rows.push({ ...row, machine, generated_at: generatedAt });
        console.error(
          `shards ${shards}, RF ${replicationFactor}: ${row.worker_calls_per_upsert.toFixed(3)} worker calls ` +
            `per upsert (${row.worker_calls_per_reupsert.toFixed(3)} per re-upsert), ` +
            `p50 ${row.upsert_p50_ms.toFixed(2)} ms, p99 ${row.upsert_p99_ms.toFixed(2)} ms`,
        );
      }
    }
  } finally {
    client.close();
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const table = fanoutTable(rows);
  console.log(table);
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'fanout.json'), `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(
    join(out, 'fanout.md'),
    [
      '# Upsert fan-out: worker calls and latency of one-row upserts by shard count',
      '',
      `- Generated: ${generatedAt}`,
      `- Machine: ${machine}`,
      `- Cluster: ${workers} workers with 1 FAISS thread each, write log on (as \`vecshard up --workers ${workers} --threads 1\`)`,
      `- Collection: ${dataset}, ${index}, ${baseCount} vectors stored first; ${upserts} one-row upserts of new ids ` +
        `(timed, one at a time), then ${reupserts} one-row upserts of stored ids with new vectors`,
      ...(values.note ? [`- Note: ${values.note}`] : []),
      '- `worker_calls_per_upsert`: coordinator → worker write calls (AddPreassigned + Delete) per upsert of a new id; ' +
        '`worker_calls_per_reupsert`: the same for an id already stored (whose new vector usually lands on another ' +
        'shard, where the old copy is removed)',
      '',
      table,
      '',
      ...baselineSection(rows),
    ].join('\n'),
  );
  replaceFanoutRows(join(out, 'latest.json'), rows);
  const latestMd = join(out, 'latest.md');
  if (existsSync(latestMd))
    writeFileSync(latestMd, withFanoutSection(readFileSync(latestMd, 'utf8'), fanoutSection(rows)));
  const verdict = fanoutVerdict(rows);
  console.error(
    `target ${verdict.met ? 'met' : 'MISSED'}: worker calls per one-row upsert ≤ RF × 1.1 — ${verdict.detail}`,
  );
}

/** The baseline run's rows beside this run's, when `--baseline` names one. */
function baselineSection(rows: FanoutRow[]): string[] {
  if (!values.baseline) return [];
  const before = JSON.parse(readFileSync(values.baseline, 'utf8')) as FanoutRow[];
  const key = (r: FanoutRow) => `${r.shards}/${r.replication_factor}`;
  const now = new Map(rows.map((r) => [key(r), r]));
  return [
    `## Against ${values['baseline-label']} (\`${values.baseline}\`, ${before[0]?.generated_at ?? 'n/a'})`,
    '',
    '| shards | replication_factor | calls per upsert: before → now | p50 ms: before → now | p99 ms: before → now |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...before
      .filter((b) => now.has(key(b)))
      .map((b) => {
        const r = now.get(key(b))!;
        return (
          `| ${b.shards} | ${b.replication_factor} | ${b.worker_calls_per_upsert.toFixed(3)} → ${r.worker_calls_per_upsert.toFixed(3)} | ` +
          `${b.upsert_p50_ms.toFixed(2)} → ${r.upsert_p50_ms.toFixed(2)} | ${b.upsert_p99_ms.toFixed(2)} → ${r.upsert_p99_ms.toFixed(2)} |`
        );
      }),
    '',
  ];
}

async function measure(
  client: VecshardClient,
  metricsUrl: string,
  shards: number,
  replicationFactor: number,
  base: Float32Array,
  fresh: Float32Array,
): Promise<Omit<FanoutRow, 'machine' | 'generated_at'>> {
  const name = `fanout-s${shards}-r${replicationFactor}`;
  await client.dropCollection(name).catch(() => {});
  await client.createCollection({ name, dim, metric: 'l2', index, shards, replicationFactor });
  await client.train(name, base.subarray(0, Math.min(baseCount, 50 * nlist) * dim));
  for (let at = 0; at < baseCount; at += 5000) {
    const end = Math.min(baseCount, at + 5000);
    await client.upsert(
      name,
      BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
      base.subarray(at * dim, end * dim),
    );
  }
  let next = 0;
  const upsertOne = async (id: bigint) => {
    const row = next++;
    await client.upsert(name, BigInt64Array.of(id), fresh.subarray(row * dim, (row + 1) * dim));
  };
  for (let i = 0; i < warmup; i++) await upsertOne(BigInt(baseCount + next));
  const before = await writeCalls(metricsUrl);
  const latency = new LatencyHistogram();
  for (let i = 0; i < upserts; i++) {
    const started = performance.now();
    await upsertOne(BigInt(baseCount + next));
    latency.record(performance.now() - started);
  }
  const afterNew = await writeCalls(metricsUrl);
  const random = new SeededRandom(shards * 31 + replicationFactor);
  for (let i = 0; i < reupserts; i++) await upsertOne(BigInt(random.int(baseCount)));
  const afterOld = await writeCalls(metricsUrl);
  await client.dropCollection(name);
  const summary = latency.summary();
  return {
    suite: 'fanout',
    mode: 'cluster',
    dataset,
    index,
    workers,
    shards,
    replication_factor: replicationFactor,
    worker_calls_per_upsert: (afterNew - before) / upserts,
    worker_calls_per_reupsert: (afterOld - afterNew) / reupserts,
    upsert_p50_ms: summary.p50Ms,
    upsert_p99_ms: summary.p99Ms,
    upserts,
  };
}

/** Write calls the coordinator has made to workers so far (every status), from its /metrics. */
async function writeCalls(url: string): Promise<number> {
  const text = await (await fetch(url)).text();
  let calls = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('vecshard_worker_request_seconds_count{')) continue;
    const method = /method="([^"]*)"/.exec(line)?.[1];
    if (method && WRITE_METHODS.includes(method)) calls += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return calls;
}

await main().catch((error: Error) => {
  console.error(`bench:fanout: ${error.stack ?? error.message}`);
  process.exit(1);
});
