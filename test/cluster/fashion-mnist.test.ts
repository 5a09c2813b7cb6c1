import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { readIdxImages, rows, sequentialIds } from '../helpers/data.js';

// Real data: all 60k Fashion-MNIST training images (784 dims) in a 2-worker
// cluster must give the same top-k as one FAISS index for the
// standard test queries: all 10,000 of them. 256 lists probed 4 at a time
// scan 1/64 of the base per query, so the two full searches (cluster and
// reference) cost a few seconds of scalar FAISS, not a minute; every query
// still reaches lists on both workers.
const K = 10;
const NLIST = 256;
const NPROBE = 4;
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
  await client.createCollection({
    name: 'fashion',
    dim,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: NPROBE,
  });
  await client.train('fashion', rows(train.vectors, dim, 0, 20_000));
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
}, 180_000); // a budget for the heaviest test: 60k × 784 loaded, 10,000 queries searched twice
