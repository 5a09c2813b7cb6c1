#!/usr/bin/env node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type PlacementPolicyName, VecshardClient } from '@vecshard/client';
import { readFashionMnist } from '@vecshard/datasets';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { LatencyHistogram } from './metrics/latency-histogram.js';
import { expectedShardsPerQuery } from './metrics/shards-per-query.js';
import { describeMachine, machineLine } from './report/machine.js';
import { markdownTable, round } from './report/markdown-table.js';
import { renderSvg } from './report/svg-chart.js';

// Placement policy as a dimension: the same Fashion-MNIST collection
// (60k × 784, IVF256,Flat, nprobe 16) placed by locality and by balance over
// 4 and 8 workers. Per run: shards asked per query (all 10k test queries,
// by the collection's own quantizer and placement), batch QPS, the cluster's
// CPU per query in the batch phase (coordinator and workers), and
// single-query latency, where fewer shards per query also means less
// parallelism for that query.

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '4,8' },
    'batch-seconds': { type: 'string', default: '8' },
    singles: { type: 'string', default: '200' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const NPROBE = 16;
const NLIST = 256;
const workerCounts = values.workers!.split(',').map(Number);
const batchSeconds = Number(values['batch-seconds']);
const singles = Number(values.singles);

interface Row {
  policy: PlacementPolicyName;
  workers: number;
  shards_per_query: number;
  batch_qps: number;
  cpu_ms_per_query: number;
  single_p50_ms: number;
  single_p99_ms: number;
  max_over_mean_load: number;
}

async function main(): Promise<void> {
  const { train, test } = readFashionMnist();
  const rows: Row[] = [];
  for (const workers of workerCounts) {
    for (const policy of ['locality', 'balanced'] as const) {
      console.error(`placement-bench: ${workers} workers, ${policy}`);
      rows.push(await measure(workers, policy, train.vectors, test.vectors, train.dim));
    }
  }
  const table = markdownTable(rows);
  console.log(table);
  await writeReport(rows, table, values.out!);
}

async function measure(
  workers: number,
  policy: PlacementPolicyName,
  base: Float32Array,
  queries: Float32Array,
  dim: number,
): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-placement-bench-'));
  const cluster = await startLocalCluster({ workers, port: 0, dataDir, storeUrl: null, threads: 1 });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    await client.createCollection({
      name: 'p',
      dim,
      metric: 'l2',
      index: `IVF${NLIST},Flat`,
      nprobe: NPROBE,
      placementPolicy: policy,
    });
    await client.train('p', base.subarray(0, 20_000 * dim));
    const n = base.length / dim;
    for (let at = 0; at < n; at += 10_000) {
      const end = Math.min(n, at + 10_000);
      await client.upsert(
        'p',
        BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
        base.subarray(at * dim, end * dim),
      );
    }
    const info = await client.getCollection('p', { includeTemplate: true });
    const loads = info.placement.map((s) => s.expectedVectors);
    const meanLoad = loads.reduce((a, b) => a + b, 0) / loads.length;
    const fanOut = await expectedShardsPerQuery(info.template!, info.placement, queries, NLIST, NPROBE);

    const nq = queries.length / dim;
    const batch = 1000;
    const cpuBefore = cpuSeconds(cluster);
    const started = performance.now();
    let answered = 0;
    while (performance.now() - started < batchSeconds * 1000) {
      for (let at = 0; at < nq && performance.now() - started < batchSeconds * 1000; at += batch) {
        await client.search('p', queries.subarray(at * dim, Math.min(nq, at + batch) * dim), { k: 10 });
        answered += Math.min(batch, nq - at);
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(cluster) - cpuBefore;

    const latencies = new LatencyHistogram();
    for (let q = 0; q < singles; q++) {
      const t = performance.now();
      await client.search('p', queries.subarray(q * dim, (q + 1) * dim), { k: 10 });
      latencies.record(performance.now() - t);
    }
    return {
      policy,
      workers,
      shards_per_query: round(fanOut),
      batch_qps: Math.round(answered / elapsed),
      cpu_ms_per_query: round((cpu * 1000) / answered, 3),
      single_p50_ms: round(latencies.percentileMs(50)),
      single_p99_ms: round(latencies.percentileMs(99)),
      max_over_mean_load: round(Math.max(...loads) / meanLoad, 3),
    };
  } finally {
    client.close();
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) the cluster's coordinator and workers have used so far. */
function cpuSeconds(cluster: LocalCluster): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const p of cluster.processes) {
    if (p.name === 'redis' || !p.child.pid) continue;
    const fields = readFileSync(`/proc/${p.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

async function writeReport(rows: Row[], table: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(join(dir, 'placement.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'placement.md'),
    [
      '# Placement policy: locality against balanced',
      '',
      `- Generated: ${new Date().toISOString()}`,
      `- Machine: ${machine}`,
      `- 60k Fashion-MNIST (784 dims), IVF${NLIST},Flat, nprobe ${NPROBE}, one shard per worker, 1 FAISS thread per ` +
        'worker, all on this machine. shards_per_query: over all 10,000 test queries. batch_qps: 1,000-query ' +
        `requests for ${batchSeconds} s. cpu_ms_per_query: CPU of the coordinator and workers in that phase over ` +
        `queries answered. single_*: ${singles} one-query requests, one at a time. max_over_mean_load: the ` +
        'shards’ expected vectors.',
      '- With every worker on the same 2 cores, QPS shows the total work a query costs (fewer shards asked = less ' +
        'per-shard overhead); on separate machines the fan-out also decides how many machines each query occupies.',
      '',
      table,
      '',
      '![placement](placement.svg)',
      '',
    ].join('\n'),
  );
  const long = rows.flatMap((r) =>
    (['shards_per_query', 'batch_qps', 'cpu_ms_per_query', 'single_p50_ms'] as const).map((metric) => ({
      metric,
      value: r[metric],
      run: `${r.workers} workers`,
      policy: r.policy,
    })),
  );
  const svg = await renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: long },
    facet: { column: { field: 'metric', type: 'nominal', title: null } },
    spec: {
      mark: 'bar',
      encoding: {
        x: { field: 'run', type: 'nominal', title: null },
        xOffset: { field: 'policy' },
        y: { field: 'value', type: 'quantitative', title: null },
        color: { field: 'policy', type: 'nominal' },
      },
      width: 140,
      height: 180,
    },
    resolve: { scale: { y: 'independent' } },
  });
  writeFileSync(join(dir, 'placement.svg'), svg);
}

main().catch((error) => {
  console.error(`placement-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
