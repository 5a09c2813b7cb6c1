import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, rows, sequentialIds } from '../helpers/data.js';
import { searchRequests } from '../helpers/worker-stats.js';

// A query must reach exactly the shards owning at least one of the lists it
// probes, and never a shard owning none of them.
const DIM = 16;
const NPROBE = 2;
const data = clusteredVectors(3000, DIM, 11);
const queries = clusteredVectors(30, DIM, 12);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 3 });
});
afterAll(async () => {
  await cluster?.stop();
});

async function setUp(name: string, routing: 'lists' | 'scatter') {
  const { client } = cluster;
  await client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: 'IVF24,Flat',
    nprobe: NPROBE,
    shards: 3,
    routing,
  });
  await client.train(name, data);
  await client.upsert(name, sequentialIds(3000), data);
  const info = await client.getCollection(name, { includeTemplate: true });
  const addressOf = new Map(cluster.workers.map((w) => [w.id, w.address]));
  return { info, addresses: info.placement.map((shard) => addressOf.get(shard.workerId)!) };
}

const counters = (addresses: string[], name: string) =>
  Promise.all(addresses.map((a) => searchRequests(a, name)));

it('list routing sends each query only to the shards owning its probed lists', async () => {
  const { info, addresses } = await setUp('fan-out-lists', 'lists');
  const quantizer = await FaissIndex.deserialize(info.template!, 'l2');
  const ownerOf = new Map(info.placement.flatMap((shard) => shard.lists.map((list) => [list, shard.shard])));
  const fanOuts: number[] = [];
  for (let q = 0; q < 30; q++) {
    const query = rows(queries, DIM, q, q + 1);
    const { lists } = await quantizer.assign(query, NPROBE);
    const expected = new Set([...lists].map((list) => ownerOf.get(Number(list))!));
    const before = await counters(addresses, 'fan-out-lists');
    const result = await cluster.client.search('fan-out-lists', query, { k: 5 });
    const after = await counters(addresses, 'fan-out-lists');
    expect(result.shardsQueried).toBe(expected.size);
    after.forEach((count, shard) => {
      expect(count - before[shard], `query ${q}, shard ${shard}`).toBe(expected.has(shard) ? 1 : 0);
    });
    fanOuts.push(expected.size);
  }
  // The check is only meaningful if some queries really skip shards.
  expect(Math.min(...fanOuts)).toBeLessThan(3);
});

it('a batch reaches only the union of its queries’ shards', async () => {
  const { info, addresses } = await setUp('fan-out-batch', 'lists');
  const quantizer = await FaissIndex.deserialize(info.template!, 'l2');
  // A query whose lists all live on one shard, repeated: exactly that shard is asked.
  const ownerOf = new Map(info.placement.flatMap((shard) => shard.lists.map((list) => [list, shard.shard])));
  let single: Float32Array | undefined;
  let owner = -1;
  for (let q = 0; q < 30 && !single; q++) {
    const query = rows(queries, DIM, q, q + 1);
    const shards = new Set(
      [...(await quantizer.assign(query, NPROBE)).lists].map((l) => ownerOf.get(Number(l))!),
    );
    if (shards.size === 1) [single, owner] = [query, [...shards][0]];
  }
  expect(single, 'no test query has all its lists on one shard').toBeDefined();
  const batch = new Float32Array(4 * DIM);
  for (let i = 0; i < 4; i++) batch.set(single!, i * DIM);
  const before = await counters(addresses, 'fan-out-batch');
  const result = await cluster.client.search('fan-out-batch', batch, { k: 5 });
  const after = await counters(addresses, 'fan-out-batch');
  expect(result.shardsQueried).toBe(1);
  expect(after.map((count, shard) => count - before[shard])).toEqual(
    [0, 1, 2].map((s) => (s === owner ? 1 : 0)),
  );
});

it('scatter routing asks every shard for every query', async () => {
  const { addresses } = await setUp('fan-out-scatter', 'scatter');
  const before = await counters(addresses, 'fan-out-scatter');
  const result = await cluster.client.search('fan-out-scatter', rows(queries, DIM, 0, 1), { k: 5 });
  const after = await counters(addresses, 'fan-out-scatter');
  expect(result.shardsQueried).toBe(3);
  expect(after.map((count, shard) => count - before[shard])).toEqual([1, 1, 1]);
});
