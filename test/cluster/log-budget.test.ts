import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// The write logs of all collections share one budget in Redis (--log-budget-mb):
// once their sum passes it, the collection whose log is the oldest is
// snapshotted first (its log trimmed), though no log alone reached its own
// limit (--snapshot-every-mb 0: none).
const DIM = 64;
const ROWS = 600; // 150 KiB of vectors per collection: two of them pass a 256 KiB budget
const data = clusteredVectors(ROWS * 2, DIM, 61);
const dir = mkdtempSync(join(tmpdir(), 'vecshard-log-budget-'));

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({
    workers: 1,
    coordinatorArgs: [
      ...['--store', `file://${join(dir, 'store')}`],
      ...['--snapshot-every-mb', '0', '--log-budget-mb', '0.25'],
    ],
  });
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('snapshots the collection with the oldest log once all logs together pass the budget', async () => {
  const client = cluster.client;
  for (const name of ['older', 'newer']) {
    await client.createCollection({ name, dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
    await client.train(name, data);
  }
  await client.upsert('older', sequentialIds(ROWS, 0), data.subarray(0, ROWS * DIM));
  expect(await client.listSnapshots('older')).toHaveLength(0);
  await client.upsert('newer', sequentialIds(ROWS, 0), data.subarray(ROWS * DIM));
  // The sum is looked at after writes (at most once a second): keep writing small batches until it was.
  let next = ROWS;
  const one = data.subarray(0, 4 * DIM);
  for (;;) {
    if ((await client.listSnapshots('older')).length > 0) break;
    await client.upsert('newer', sequentialIds(4, next), one);
    next += 4;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Trimming the older log brought the sum under the budget: the newer log stays.
  expect(await client.listSnapshots('newer')).toHaveLength(0);
  expect((await client.getCollection('older')).vectors).toBe(ROWS);
});
