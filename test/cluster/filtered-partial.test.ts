import { VecshardError } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { bruteForce, documentFields, documentRows, matchingRows } from '../helpers/documents.js';

// allow_partial with a filter: a shard none of whose copies answers is left
// out and named, on every path of a filtered search (the shard planning a
// selective filter alone, the coordinator planning a broad one from counts,
// and counting first once it knows the filter needs IVF); the shards that
// answer still answer exactly what they hold.
const DIM = 16;
const N = 3000;
const NLIST = 16;
const K = 10;
const NAME = 'partial-filtered';
// Long enough for the coordinator to give up on the hung worker and answer first, on a busy machine too.
const HUNG_DEADLINE_MS = 10_000;

let cluster: TestCluster;
const vectors = clusteredVectors(N, DIM, 5);
const queries = clusteredVectors(12, DIM, 6);
const rows = documentRows(N, 3);

beforeAll(async () => {
  cluster = await startCluster({ workers: 2 });
  await cluster.client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 1,
    fields: { price: 'double', color: 'keyword' },
  });
  await cluster.client.train(NAME, vectors.subarray(0, 2000 * DIM));
  const { price, color } = documentFields(rows);
  await cluster.client.upsert(NAME, sequentialIds(N), vectors, { fields: { price, color } });
});
afterAll(async () => {
  for (const worker of cluster?.workers ?? []) worker.process.child.kill('SIGCONT');
  await cluster?.stop();
});

/** The rows stored on the shard that keeps answering, by the quantizer's assignment and the placement. */
async function rowsOfShard(shard: number, lists: number[]): Promise<Set<number>> {
  const info = await cluster.client.getCollection(NAME, { includeTemplate: true });
  const quantizer = await FaissIndex.deserialize(info.template!, 'l2');
  const assigned = (await quantizer.assign(vectors, 1)).lists;
  const held = new Set<number>();
  assigned.forEach((list, row) => {
    if (lists.includes(Number(list))) held.add(row);
  });
  expect(held.size).toBeGreaterThan(0);
  expect(info.placement[shard].lists).toEqual(lists);
  return held;
}

/** Rows matching `price < limit` among those held. */
function reachable(limit: number, held: Set<number>): Set<number> {
  const matches = matchingRows(rows, (row) => row.price !== null && row.price < limit);
  return new Set([...matches].filter((row) => held.has(row)));
}

/** A search with `price < limit` and allow_partial: partial, naming the hung shard, k hits per query. */
async function searchPartially(limit: number, nprobe: number, hungShard: number): Promise<BigInt64Array> {
  const result = await cluster.client.search(NAME, queries, {
    k: K,
    nprobe,
    filter: `price < ${limit}`,
    allowPartial: true,
    deadlineMs: HUNG_DEADLINE_MS,
  });
  expect(result.partial).toBe(true);
  expect(result.missingShards).toEqual([hungShard]);
  expect(result.ids.every((id) => id >= 0n)).toBe(true);
  return result.ids;
}

describe('allow_partial with a filter', { timeout: 180_000 }, () => {
  it('answers from the shard that answers, exactly within it, and names the hung one', async () => {
    const info = await cluster.client.getCollection(NAME);
    const hung = info.placement.find((s) => s.workerId === 'w1')!;
    const answering = info.placement.find((s) => s.shard !== hung.shard)!;
    const held = await rowsOfShard(answering.shard, answering.lists);
    cluster.workers[1].process.child.kill('SIGSTOP');
    try {
      // 1 %: the shards plan alone; exact over the matches the answering shard holds.
      const selective = await searchPartially(10, NLIST, hung.shard);
      const expected = bruteForce(vectors, DIM, queries, K, reachable(10, held));
      expected.forEach((want, q) => {
        expect([...selective.subarray(q * K, q * K + want.length)].map(Number)).toEqual(want);
      });
      // 50 % at nprobe 1 needs IVF: planned from the answering shard's counts, then (known
      // to need IVF) counted first. Every hit matches and is held by the answering shard.
      for (let i = 0; i < 2; i++) {
        const broad = await searchPartially(500, 1, hung.shard);
        const allowed = reachable(500, held);
        expect([...broad].every((id) => allowed.has(Number(id)))).toBe(true);
      }
      const refused = await cluster.client
        .search(NAME, queries, { k: K, filter: 'price < 10', deadlineMs: HUNG_DEADLINE_MS })
        .catch((error) => error);
      expect(refused).toBeInstanceOf(VecshardError);
      expect(refused.codeName).toBe('UNAVAILABLE');
    } finally {
      cluster.workers[1].process.child.kill('SIGCONT');
    }
  });
});
