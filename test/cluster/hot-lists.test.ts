import type { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { seededRandom, sequentialIds } from '../helpers/data.js';

// Hot lists (issue 25, target 5): under locality placement a Zipf(1.1) query
// load whose hottest lists all live on one worker leaves that worker with most
// of the scan work. The coordinator counts the lists its searches probe; a
// Rebalance then moves hot lists to the other worker until the workers' query
// load (probes × rows of the lists each owns) is even, and every answer stays
// that of one FAISS IVF index. The bound: the busiest worker within 15 % of the
// mean, where the planner aims at 5 % (its probes are exactly these queries';
// its weights add a 5 % floor for cold lists).
const DIM = 32;
const NLIST = 64;
const NPROBE = 8;
const K = 10;
const N = 20_000;
const { base, queries: pool } = gaussianMixture({
  count: N,
  queries: 20_000,
  dim: DIM,
  clusters: 64,
  noise: 1.5,
  seed: 3,
});

// A half-life far longer than the test: the counts it plans by are the test's queries, whatever the machine's speed.
const HALF_LIFE = ['--query-load-half-life-s', '3600'];
let cluster: TestCluster;
let watched: TestCluster | undefined;
beforeAll(async () => {
  cluster = await startCluster({ workers: 2, coordinatorArgs: HALF_LIFE });
});
afterAll(async () => {
  await cluster?.stop();
  await watched?.stop();
});

/** `count` pool queries whose nearest list is drawn by Zipf(1.1) rank, the ranks going first to `hot`'s lists. */
function zipfQueries(nearest: BigInt64Array, hot: number[], count: number): Float32Array {
  const byList = Array.from({ length: NLIST }, () => [] as number[]);
  nearest.forEach((list, row) => {
    byList[Number(list)].push(row);
  });
  const ranked = [
    ...hot,
    ...Array.from({ length: NLIST }, (_, l) => l).filter((l) => !hot.includes(l)),
  ].filter((l) => byList[l].length > 0);
  const weights = ranked.map((_, r) => 1 / (r + 1) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const random = seededRandom(11);
  const out = new Float32Array(count * DIM);
  for (let q = 0; q < count; q++) {
    let u = random() * total;
    let r = 0;
    while (r < ranked.length - 1 && u >= weights[r]) u -= weights[r++];
    const rows = byList[ranked[r]];
    const row = rows[Math.floor(random() * rows.length)];
    out.set(pool.subarray(row * DIM, (row + 1) * DIM), q * DIM);
  }
  return out;
}

/** Each worker's probes × rows for these queries, over the mean. */
function queryLoadSkew(probed: BigInt64Array, sizes: Float64Array, placement: { lists: number[] }[]) {
  const probes = new Float64Array(NLIST);
  for (const list of probed) probes[Number(list)]++;
  const work = placement.map((s) => s.lists.reduce((sum, l) => sum + probes[l] * sizes[l], 0));
  return Math.max(...work) / (work.reduce((a, b) => a + b, 0) / work.length);
}

/**
 * Loads the collection on a cluster of 2 workers, then searches it with a Zipf(1.1) load whose hottest
 * lists are shard 0's, checking every answer against one FAISS IVF index; returns what the checks after need.
 */
async function skewedLoad(client: VecshardClient) {
  await client.createCollection({
    name: 'hot',
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: NPROBE,
    placementPolicy: 'locality',
  });
  await client.train('hot', base.subarray(0, 10_000 * DIM));
  await client.upsert('hot', sequentialIds(N), base);
  const before = await client.getCollection('hot', { includeTemplate: true });
  const quantizer = await FaissIndex.deserialize(before.template!, 'l2');
  const sizes = new Float64Array(NLIST);
  for (const list of (await quantizer.assign(base, 1)).lists) sizes[Number(list)]++;

  const queries = zipfQueries((await quantizer.assign(pool, 1)).lists, before.placement[0].lists, 4000);
  const probed = (await quantizer.assign(queries, NPROBE)).lists;
  const skewBefore = queryLoadSkew(probed, sizes, before.placement);
  // Over the 25 % the planner lets pass before it weighs queries (QUERY_SKEW_TOLERANCE).
  expect(skewBefore).toBeGreaterThan(1.3);

  const reference = await FaissIndex.deserialize(before.template!, 'l2');
  await reference.add(base, sequentialIds(N));
  const want = await reference.search(queries, K, { nprobe: NPROBE });
  // The skewed load itself, through the coordinator (which counts its probes), checked as it goes.
  for (let at = 0; at < 4000; at += 500) {
    const got = await client.search('hot', queries.subarray(at * DIM, (at + 500) * DIM), { k: K });
    const part = {
      labels: want.labels.subarray(at * K, (at + 500) * K),
      distances: want.distances.subarray(at * K, (at + 500) * K),
    };
    expect(compareTopK(part, got, K)).toEqual([]);
  }
  return { queries, probed, sizes, skewBefore, reference, want };
}

describe('hot lists', { timeout: 300_000 }, () => {
  it('after a Zipf load, Rebalance spreads the hot lists over the workers and answers stay exact', async () => {
    const { client } = cluster;
    const { queries, probed, sizes, skewBefore, reference, want } = await skewedLoad(client);

    const job = await client.waitForJob((await client.rebalance('hot')).id);
    expect((job.result.balancedBy as Record<string, { by: string }>).hot.by).toBe('queries');
    expect(job.result.listsMoved as number).toBeGreaterThan(0);

    const after = await client.getCollection('hot');
    const skewAfter = queryLoadSkew(probed, sizes, after.placement);
    console.log(
      `probe load max/mean: ${skewBefore.toFixed(3)} before, ${skewAfter.toFixed(3)} after Rebalance`,
    );
    expect(skewAfter).toBeLessThanOrEqual(1.15);
    expect(compareTopK(want, await client.search('hot', queries, { k: K }), K)).toEqual([]);

    // Writes after the moves reach the lists' new owners: replaced and new vectors, still exact.
    const changed = pool.subarray(0, 2000 * DIM);
    const ids = sequentialIds(2000, N - 1000);
    await client.upsert('hot', ids, changed);
    await reference.remove(ids);
    await reference.add(changed, ids);
    const wantNow = await reference.search(queries, K, { nprobe: NPROBE });
    expect(compareTopK(wantNow, await client.search('hot', queries, { k: K }), K)).toEqual([]);
  });

  it('with --auto-rebalance-queries-s, the coordinator spreads the hot lists on its own', async () => {
    watched = await startCluster({
      workers: 2,
      coordinatorArgs: [...HALF_LIFE, '--auto-rebalance-queries-s', '1'],
    });
    const { client } = watched;
    const { queries, probed, sizes, want } = await skewedLoad(client);
    // Waits for the watch's Rebalance to have moved lists (an event, not a time), within the test's budget;
    // the bound is the watch's own (25 % over the mean), which its job then brings to about 5 %.
    let skew = Number.POSITIVE_INFINITY;
    while (skew > 1.25) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      skew = queryLoadSkew(probed, sizes, (await client.getCollection('hot')).placement);
    }
    expect(compareTopK(want, await client.search('hot', queries, { k: K }), K)).toEqual([]);
  });
});
