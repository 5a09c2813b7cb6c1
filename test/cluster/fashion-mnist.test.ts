import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { readIdxImages, rows, sequentialIds } from '../helpers/data.js';

// Real data: all 60k Fashion-MNIST training images (784 dims) in a 2-worker
// cluster must give the same top-k as one FAISS index for the
// standard test queries: all 10,000 of them.
const K = 10;
const NPROBE = 8;
const train = readIdxImages('train-images-idx3-ubyte.gz');
const test = readIdxImages('t10k-images-idx3-ubyte.gz');

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});

it('60k Fashion-MNIST vectors: cluster top-k equals a single index', async () => {
  const { client } = cluster;
  const dim = train.dim;
  await client.createCollection({ name: 'fashion', dim, metric: 'l2', index: 'IVF64,Flat', nprobe: NPROBE });
  await client.train('fashion', rows(train.vectors, dim, 0, 10_000));
  const ids = sequentialIds(train.n);
  const batch = 5000; // 15.7 MB per request
  for (let from = 0; from < train.n; from += batch) {
    const to = Math.min(train.n, from + batch);
    await client.upsert('fashion', ids.subarray(from, to), rows(train.vectors, dim, from, to));
  }
  const info = await client.getCollection('fashion', { includeTemplate: true });
  expect(info.vectors).toBe(60_000);
  const reference = await FaissIndex.deserialize(info.template!, 'l2');
  await reference.add(train.vectors, ids);
  const expected = await reference.search(test.vectors, K, { nprobe: NPROBE });
  const actual = await client.search('fashion', test.vectors, { k: K });
  expect(compareTopK(expected, actual, K)).toEqual([]);
  expect(actual.shardsQueried).toBe(2);
});
