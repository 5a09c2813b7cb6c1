import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// Under scatter routing each shard holds the ids that hash to it. A snapshot
// of 3 shards restored onto 2 workers must re-split the rows by id, or later
// upserts (sent only to an id's shard) would leave stale copies behind.
const DIM = 32;
const N = 5000;
const data = clusteredVectors(N, DIM, 61);
const queries = clusteredVectors(100, DIM, 62);
const dir = mkdtempSync(join(tmpdir(), 'vecshard-scatter-snapshot-'));
const clusters: TestCluster[] = [];
afterAll(async () => {
  for (const cluster of clusters) await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const clusterOf = async (workers: number) => {
  const cluster = await startCluster({
    workers,
    coordinatorArgs: ['--store', `file://${join(dir, 'store')}`],
  });
  clusters.push(cluster);
  return cluster;
};

it('restores a 3-shard scatter collection onto 2 workers, re-splitting rows by id', async () => {
  const first = await clusterOf(3);
  await first.client.createCollection({
    name: 'spread',
    dim: DIM,
    metric: 'l2',
    index: 'IVF16,Flat',
    nprobe: 16,
    routing: 'scatter',
  });
  await first.client.train('spread', data);
  await first.client.upsert('spread', sequentialIds(N), data);
  const before = await first.client.search('spread', queries, { k: 10 });
  await first.client.waitForJob((await first.client.snapshot('spread')).id);
  await first.stop();

  const second = await clusterOf(2);
  const restored = await second.client.waitForJob((await second.client.restore('spread')).id);
  expect(restored.result).toMatchObject({ vectors: N, shards: 2 });
  const after = await second.client.search('spread', queries, { k: 10 });
  expect(compareTopK({ labels: before.ids, distances: before.distances }, after, 10)).toEqual([]);

  // Every id must sit on the shard its hash names now: replacing ids leaves one copy each.
  const moved = clusteredVectors(200, DIM, 63);
  await second.client.upsert('spread', sequentialIds(200), moved);
  expect((await second.client.getCollection('spread')).vectors).toBe(N);
  const found = await second.client.search('spread', moved.subarray(0, 10 * DIM), { k: 1 });
  expect([...found.ids]).toEqual([...sequentialIds(10)]);
  const old = await second.client.search('spread', data.subarray(0, DIM), { k: 1 });
  expect(old.ids[0] === 0n && old.distances[0] === 0).toBe(false);
});
