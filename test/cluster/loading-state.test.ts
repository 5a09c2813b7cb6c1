import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// A worker that restarts comes back empty. From the moment it serves again,
// the collection must say "loading" until its refill is done: the refill
// watch looks only every few seconds, and a client that waited for "ready"
// in that gap would search a shard nobody holds. The client here never
// retries, so nothing hides a state that is out of date.
const DIM = 16;
const N = 4000;
const data = clusteredVectors(N, DIM, 61);
const queries = clusteredVectors(50, DIM, 62);
const dir = mkdtempSync(join(tmpdir(), 'vecshard-loading-state-'));

let cluster: TestCluster;
let client: VecshardClient;
beforeAll(async () => {
  cluster = await startCluster({
    workers: 2,
    coordinatorArgs: ['--store', `file://${join(dir, 'store')}`],
  });
  client = new VecshardClient(cluster.coordinator.address, { retries: 0, deadlineMs: 60_000 });
});
afterAll(async () => {
  client?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('says loading from the moment a restarted worker serves until its shard is refilled', async () => {
  await client.createCollection({
    name: 'one-copy',
    dim: DIM,
    metric: 'l2',
    index: 'IVF16,Flat',
    nprobe: 16,
  });
  await client.train('one-copy', data.subarray(0, 2000 * DIM));
  await client.upsert('one-copy', sequentialIds(N), data);
  await client.waitForJob((await client.snapshot('one-copy')).id);
  const expected = await client.search('one-copy', queries, { k: 10 });

  for (const worker of [0, 1]) {
    await cluster.restartWorker(worker);
    const info = await client.waitUntilLoaded('one-copy', { timeoutMs: 180_000 });
    expect(info.state).toBe('ready');
    expect(info.vectors).toBe(N);
    const after = await client.search('one-copy', queries, { k: 10 });
    expect(compareTopK({ labels: expected.ids, distances: expected.distances }, after, 10)).toEqual([]);
  }
});
