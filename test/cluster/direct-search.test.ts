import { type MetricName, type SearchResult, VecshardClient } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, startWorker, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { healthCheck } from '../helpers/health.js';
import { reflectedServices } from '../helpers/reflection.js';

// One-hop search: a client routing by the collection's routing table and
// asking the shard workers directly must answer exactly what the coordinator
// answers, and what one FAISS index built from the same template answers —
// also while lists move between workers and after a worker is killed.
const DIM = 32;
const N = 6000;
const K = 10;
const NLIST = 32;
const data = clusteredVectors(N, DIM, 21);
const ids = sequentialIds(N);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});

/** Creates, trains and fills a collection; resolves to a FAISS index holding the same vectors. */
async function filled(name: string, metric: MetricName, options: { replicationFactor?: number } = {}) {
  const client = cluster.client;
  await client.createCollection({ name, dim: DIM, metric, index: `IVF${NLIST},Flat`, nprobe: 4, ...options });
  await client.train(name, data);
  await client.upsert(name, ids, data);
  const { template } = await client.getCollection(name, { includeTemplate: true });
  const reference = await FaissIndex.deserialize(template!, metric);
  await reference.add(data, ids);
  expect((await client.refreshRoutingTable(name)).routable).toBe(true);
  return reference;
}

/** Distances equal bit for bit, ids equal up to the order of exact ties. */
function expectSame(a: SearchResult, b: SearchResult, stage: string) {
  expect(compareTopK({ labels: a.ids, distances: a.distances }, b, K, 0), stage).toEqual([]);
}

describe('direct (one-hop) search', { timeout: 180_000 }, () => {
  it.each<MetricName>(['l2', 'ip', 'cosine'])(
    'equals the coordinator and one FAISS index (%s), at several nprobe and batch sizes',
    async (metric) => {
      const name = `direct-${metric}`;
      const reference = await filled(name, metric);
      let direct = 0;
      for (const nprobe of [1, 4, 13]) {
        for (const nq of [1, 7, 64]) {
          const queries = clusteredVectors(nq, DIM, 100 + nq + nprobe);
          const viaWorkers = await cluster.client.search(name, queries, { k: K, nprobe, direct: true });
          const viaCoordinator = await cluster.client.search(name, queries, { k: K, nprobe });
          const single = await reference.search(queries, K, { nprobe });
          const stage = `nprobe ${nprobe}, ${nq} queries, served ${viaWorkers.path} (${viaWorkers.fallbackReason})`;
          expect(viaCoordinator.path).toBe('coordinator');
          expectSame(viaCoordinator, viaWorkers, stage);
          expect(compareTopK(single, viaWorkers, K), stage).toEqual([]);
          expect(viaWorkers.shardsQueried).toBeGreaterThan(0);
          if (viaWorkers.path === 'direct') direct++;
          else expect(viaWorkers.fallbackReason, stage).toBe('doubt');
          if (viaWorkers.path === 'mixed') direct++;
        }
      }
      // Doubt at the nprobe boundary is rare: nearly every search went one hop.
      expect(direct).toBeGreaterThanOrEqual(7);
    },
  );

  it('leaves indexes whose coarse distances matter (SQ8 by residual) to the coordinator', async () => {
    const name = 'direct-sq8';
    await cluster.client.createCollection({
      name,
      dim: DIM,
      metric: 'l2',
      index: `IVF${NLIST},SQ8`,
      nprobe: 4,
    });
    await cluster.client.train(name, data);
    await cluster.client.upsert(name, ids, data);
    expect((await cluster.client.refreshRoutingTable(name)).routable).toBe(false);
    const queries = clusteredVectors(4, DIM, 81);
    const got = await cluster.client.search(name, queries, { k: K, direct: true });
    expect(got.path).toBe('coordinator');
    expect(got.fallbackReason).toBe('not-routable');
  });

  it('sends a query on the boundary between two lists through the coordinator, the rest of its batch one hop', async () => {
    const name = 'direct-boundary';
    const reference = await filled(name, 'l2');
    const centroids = reference.centroids();
    // The midpoint of the two closest centroids is equally near both: FAISS may pick either.
    let pair = [0, 1];
    let best = Infinity;
    for (let a = 0; a < NLIST; a++)
      for (let b = a + 1; b < NLIST; b++) {
        let d = 0;
        for (let i = 0; i < DIM; i++) d += (centroids[a * DIM + i] - centroids[b * DIM + i]) ** 2;
        if (d < best) [best, pair] = [d, [a, b]];
      }
    const queries = clusteredVectors(5, DIM, 91);
    for (let i = 0; i < DIM; i++)
      queries[2 * DIM + i] = (centroids[pair[0] * DIM + i] + centroids[pair[1] * DIM + i]) / 2;
    const got = await cluster.client.search(name, queries, { k: K, nprobe: 1, direct: true });
    expect(got.path).toBe('mixed');
    expect(got.fallbackReason).toBe('doubt');
    expect(compareTopK(await reference.search(queries, K, { nprobe: 1 }), got, K)).toEqual([]);
  });

  it('stays exact while a rebalance moves lists to a new worker, then routes by the new placement', async () => {
    const name = 'direct-moving';
    const reference = await filled(name, 'l2');
    const before = await cluster.client.refreshRoutingTable(name);
    const queries = clusteredVectors(16, DIM, 31);
    const want = await reference.search(queries, K, { nprobe: 8 });
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2'));
    let done = false;
    const paths: string[] = [];
    const mismatches: string[] = [];
    const searching = (async () => {
      while (!done) {
        const got = await cluster.client.search(name, queries, { k: K, nprobe: 8, direct: true });
        mismatches.push(...compareTopK(want, got, K));
        paths.push(got.fallbackReason ?? got.path);
      }
    })();
    await cluster.client.waitForJob((await cluster.client.rebalance(name)).id, { timeoutMs: 120_000 });
    done = true;
    await searching;
    expect(mismatches).toEqual([]);
    expect(paths.length).toBeGreaterThan(0);

    // The new placement has a newer epoch and is searched one hop, on all three workers.
    const after = await cluster.client.refreshRoutingTable(name);
    expect(after.epoch).toBeGreaterThan(before.epoch);
    const got = await cluster.client.search(name, queries, { k: K, nprobe: NLIST, direct: true });
    expect(got.path).toBe('direct');
    expect(got.shardsQueried).toBe(3);
    expect(compareTopK(await reference.search(queries, K, { nprobe: NLIST }), got, K)).toEqual([]);
  });

  it('a client holding the old table is refused by the old owner and answered exactly by the coordinator', async () => {
    const name = 'direct-stale';
    const reference = await filled(name, 'l2');
    const queries = clusteredVectors(16, DIM, 41);
    const want = await reference.search(queries, K, { nprobe: NLIST });
    // The table is held before the move; the client is not told about the move.
    const joined = await startWorker(cluster.redis.url, 'w3');
    cluster.workers.push(joined);
    await cluster.client.waitForJob((await cluster.client.rebalance(name)).id, { timeoutMs: 120_000 });
    const got = await cluster.client.search(name, queries, { k: K, nprobe: NLIST, direct: true });
    expect(compareTopK(want, got, K)).toEqual([]);
    expect(got.path).toBe('coordinator');
    expect(got.fallbackReason).toBe('placement-moved');
    // The refusal refreshed the table: the next search goes one hop again.
    await cluster.client.refreshRoutingTable(name);
    const again = await cluster.client.search(name, queries, { k: K, nprobe: NLIST, direct: true });
    expect(again.path).toBe('direct');
    expect(compareTopK(want, again, K)).toEqual([]);
  });

  it('a table of a collection trained again under the same name is refused, and refreshed', async () => {
    const name = 'direct-retrained';
    await filled(name, 'l2');
    // Dropped and created again from other data: other centroids, the same name, epochs from 0 again.
    await cluster.client.dropCollection(name);
    const other = clusteredVectors(N, DIM, 22);
    await cluster.client.createCollection({
      name,
      dim: DIM,
      metric: 'l2',
      index: `IVF${NLIST},Flat`,
      nprobe: 4,
    });
    await cluster.client.train(name, other);
    await cluster.client.upsert(name, ids, other);
    const { template } = await cluster.client.getCollection(name, { includeTemplate: true });
    const reference = await FaissIndex.deserialize(template!, 'l2');
    await reference.add(other, ids);
    const queries = clusteredVectors(8, DIM, 23);
    const want = await reference.search(queries, K, { nprobe: 4 });
    const stale = await cluster.client.search(name, queries, { k: K, direct: true });
    expect(stale.fallbackReason).toBe('placement-moved');
    expect(compareTopK(want, stale, K)).toEqual([]);
    await cluster.client.refreshRoutingTable(name);
    const fresh = await cluster.client.search(name, queries, { k: K, direct: true });
    expect(fresh.path).not.toBe('coordinator');
    expect(compareTopK(want, fresh, K)).toEqual([]);
  });

  it('a hung worker (SIGSTOP) costs a fallback, not an error', async () => {
    const name = 'direct-hung';
    const reference = await filled(name, 'l2', { replicationFactor: 2 });
    const client = new VecshardClient(cluster.coordinator.address, { directTimeoutMs: 300, env: {} });
    try {
      await client.refreshRoutingTable(name);
      const queries = clusteredVectors(8, DIM, 61);
      const want = await reference.search(queries, K, { nprobe: NLIST });
      const hung = cluster.workers[0].process.child;
      hung.kill('SIGSTOP');
      try {
        const reasons: (string | undefined)[] = [];
        // Until a search has picked a copy on the hung worker (copies are picked by load, round-robin).
        for (let i = 0; i < 20 && !reasons.includes('worker-error'); i++) {
          const got = await client.search(name, queries, { k: K, nprobe: NLIST, direct: true });
          expect(compareTopK(want, got, K), `search ${i}`).toEqual([]);
          reasons.push(got.fallbackReason);
        }
        expect(reasons).toContain('worker-error');
      } finally {
        hung.kill('SIGCONT');
      }
    } finally {
      client.close();
    }
  });

  it('workers list ShardSearch in their health checks and reflection, not the coordinator service', async () => {
    const address = cluster.workers[0].address;
    expect(await healthCheck(address, 'vecshard.v1.ShardSearch')).toBe('SERVING');
    const services = await reflectedServices(address);
    expect(services).toContain('vecshard.v1.ShardSearch');
    expect(services).toContain('vecshard.worker.v1.ShardWorker');
    expect(services).not.toContain('vecshard.v1.Vecshard');
  });

  it('answers after a worker holding a copy is killed (fallback, then the other copy)', async () => {
    const name = 'direct-replicated';
    const reference = await filled(name, 'l2', { replicationFactor: 2 });
    const queries = clusteredVectors(8, DIM, 51);
    const want = await reference.search(queries, K, { nprobe: NLIST });
    await cluster.workers[1].process.stop('SIGKILL');
    // Each search either reaches live copies only, or falls back to the coordinator,
    // which reads the surviving copies: none fails, all are exact.
    for (let i = 0; i < 6; i++) {
      const got = await cluster.client.search(name, queries, { k: K, nprobe: NLIST, direct: true });
      expect(compareTopK(want, got, K), `search ${i} (${got.path}, ${got.fallbackReason})`).toEqual([]);
    }
  });
});
