import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { readIdxImages, rows, sequentialIds } from '../helpers/data.js';

// Locality placement groups neighbouring lists on one shard: on 60k
// Fashion-MNIST, IVF256,Flat over 8 shards, a search at nprobe 16 asks far
// fewer shards than under balanced placement, with the shards' vector loads
// still within 10 % of each other, and the results stay those of one index.
const K = 10;
const NPROBE = 16;
const SHARDS = 8;
const train = readIdxImages('train-images-idx3-ubyte.gz');
const test = readIdxImages('t10k-images-idx3-ubyte.gz');
const dim = train.dim;

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: SHARDS });
});
afterAll(async () => {
  await cluster?.stop();
});

/** Shards each test query's nprobe lists live on, on average, by the collection's own quantizer and placement. */
async function meanShardsPerQuery(template: Uint8Array, placement: { lists: number[] }[]): Promise<number> {
  const quantizer = await FaissIndex.deserialize(template, 'l2');
  const owner = new Int32Array(256);
  placement.forEach((shard, s) => {
    for (const list of shard.lists) owner[list] = s;
  });
  const { lists } = await quantizer.assign(test.vectors, NPROBE);
  let total = 0;
  for (let q = 0; q < test.n; q++) {
    const shards = new Set<number>();
    for (let p = 0; p < NPROBE; p++) shards.add(owner[Number(lists[q * NPROBE + p])]);
    total += shards.size;
  }
  return total / test.n;
}

async function load(name: string, placementPolicy: 'locality' | 'balanced') {
  const { client } = cluster;
  await client.createCollection({
    name,
    dim,
    metric: 'l2',
    index: 'IVF256,Flat',
    nprobe: NPROBE,
    placementPolicy,
  });
  await client.train(name, rows(train.vectors, dim, 0, 20_000));
  for (let from = 0; from < train.n; from += 10_000) {
    const to = Math.min(train.n, from + 10_000);
    await client.upsert(name, sequentialIds(to - from, from), rows(train.vectors, dim, from, to));
  }
  return client.getCollection(name, { includeTemplate: true });
}

describe('locality placement on Fashion-MNIST', { timeout: 300_000 }, () => {
  it('asks at most 2.5 shards per query at nprobe 16 (balanced asks most of 8), loads within 10 %, exact', async () => {
    const locality = await load('near', 'locality');
    expect(locality.placementPolicy).toBe('locality');
    const balanced = await load('spread', 'balanced');
    expect(balanced.placementPolicy).toBe('balanced');

    const near = await meanShardsPerQuery(locality.template!, locality.placement);
    const spread = await meanShardsPerQuery(balanced.template!, balanced.placement);
    console.log(
      `shards per query at nprobe ${NPROBE}: locality ${near.toFixed(2)}, balanced ${spread.toFixed(2)}`,
    );
    expect(near).toBeLessThanOrEqual(2.5);
    expect(spread).toBeGreaterThan(near);

    const loads = locality.placement.map((s) => s.expectedVectors);
    const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
    expect(Math.max(...loads) / mean).toBeLessThanOrEqual(1.1);

    // Exact against one index built from the collection's template, on 2,000 of the test queries.
    const reference = await FaissIndex.deserialize(locality.template!, 'l2');
    await reference.add(train.vectors, sequentialIds(train.n));
    const queries = rows(test.vectors, dim, 0, 2000);
    const want = await reference.search(queries, K, { nprobe: NPROBE });
    const got = await cluster.client.search('near', queries, { k: K });
    expect(compareTopK(want, got, K)).toEqual([]);
  });
});
