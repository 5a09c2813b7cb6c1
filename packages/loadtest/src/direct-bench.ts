#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type SearchResult, VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { startLocalCluster } from '@vecshard/launcher';
import { LatencyHistogram } from './metrics/latency-histogram.js';
import { markdownTable, round } from './report/markdown-table.js';

// Single-query latency of one-hop (`direct`) searches against the two-hop
// path through the coordinator, on one local cluster: the same queries,
// interleaved one by one so both paths see the same machine load. Small and
// indicative: loopback, processes sharing the machine's cores.

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    dim: { type: 'string', default: '64' },
    nlist: { type: 'string', default: '256' },
    nprobe: { type: 'string', default: '16' },
    workers: { type: 'string', default: '2' },
    queries: { type: 'string', default: '500' },
  },
});
const count = Number(values.vectors);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const nprobe = Number(values.nprobe);
const singles = Number(values.queries);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-direct-bench-'));
  const cluster = await startLocalCluster({
    workers: Number(values.workers),
    port: 0,
    dataDir,
    storeUrl: null,
    threads: 1,
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    const { base, queries } = gaussianMixture({
      count,
      queries: singles,
      dim,
      clusters: 100,
      noise: 0.3,
      seed: 7,
    });
    await client.createCollection({ name: 'd', dim, metric: 'l2', index: `IVF${nlist},Flat`, nprobe });
    await client.train('d', base.subarray(0, Math.min(count, nlist * 50) * dim));
    for (let from = 0; from < count; from += 10_000) {
      const to = Math.min(count, from + 10_000);
      const ids = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i));
      await client.upsert('d', ids, base.subarray(from * dim, to * dim));
    }
    await client.refreshRoutingTable('d');
    const rows = await measure(client, queries);
    console.log(markdownTable(rows));
  } finally {
    client.close();
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(client: VecshardClient, queries: Float32Array) {
  const histograms = () => ({ coordinator: new LatencyHistogram(), direct: new LatencyHistogram() });
  let paths = histograms();
  const shards = { coordinator: 0, direct: 0 };
  let fellBack = 0;
  const once = async (q: number, direct: boolean): Promise<SearchResult> => {
    const started = performance.now();
    const result = await client.search('d', queries.subarray(q * dim, (q + 1) * dim), { k: 10, direct });
    paths[direct ? 'direct' : 'coordinator'].record(performance.now() - started);
    return result;
  };
  // Warm-up: channels to every worker, JIT.
  for (let q = 0; q < 20; q++) for (const direct of [false, true]) await once(q, direct);
  paths = histograms();
  for (let q = 0; q < singles; q++) {
    const order = q % 2 === 0 ? [false, true] : [true, false];
    for (const direct of order) {
      const result = await once(q, direct);
      shards[direct ? 'direct' : 'coordinator'] += result.shardsQueried;
      if (direct && result.path !== 'direct') fellBack++;
    }
  }
  return (['coordinator', 'direct'] as const).map((path) => ({
    path,
    queries: singles,
    p50_ms: round(paths[path].percentileMs(50), 3),
    p90_ms: round(paths[path].percentileMs(90), 3),
    p99_ms: round(paths[path].percentileMs(99), 3),
    shards_per_query: round(shards[path] / singles, 2),
    served_by_coordinator: path === 'direct' ? fellBack : singles,
  }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
