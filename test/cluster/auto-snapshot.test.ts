import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// The write log is bounded: once a collection has logged --snapshot-every-mb
// since its last snapshot, a snapshot is taken without being asked, and a
// worker restarted afterwards is rebuilt from it and the rest of the log.
const DIM = 64;
const BATCH = 1000; // 256 KiB of vectors per upsert
const BATCHES = 10;
const data = clusteredVectors(BATCH * BATCHES, DIM, 51);
const queries = clusteredVectors(100, DIM, 52);
const dir = mkdtempSync(join(tmpdir(), 'vecshard-auto-snapshot-'));

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({
    workers: 2,
    coordinatorArgs: ['--store', `file://${join(dir, 'store')}`, '--snapshot-every-mb', '1'],
  });
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('snapshots a collection whose write log passed the limit, and recovers a worker from it', async () => {
  const client = cluster.client;
  await client.createCollection({ name: 'busy', dim: DIM, metric: 'l2', index: 'IVF16,Flat', nprobe: 16 });
  await client.train('busy', data.subarray(0, 2000 * DIM));
  for (let batch = 0; batch < BATCHES; batch++) {
    const rows = data.subarray(batch * BATCH * DIM, (batch + 1) * BATCH * DIM);
    await client.upsert('busy', sequentialIds(BATCH, batch * BATCH), rows);
  }
  const snapshots = await eventually(async () => {
    const listed = await client.listSnapshots('busy');
    return listed.length > 0 ? listed : undefined;
  }, 'an automatic snapshot');
  // 2.5 MiB logged with a 1 MiB limit: one or two snapshots, not one per write.
  expect(snapshots.length).toBeLessThanOrEqual(3);
  expect(snapshots[0].vectors).toBeGreaterThan(0);

  const expected = await client.search('busy', queries, { k: 10 });
  await cluster.restartWorker(0);
  await eventually(async () => {
    const after = await client.search('busy', queries, { k: 10 });
    const same = compareTopK({ labels: expected.ids, distances: expected.distances }, after, 10).length === 0;
    return same && (await client.getCollection('busy')).vectors === BATCH * BATCHES ? true : undefined;
  }, 'the restarted worker rebuilt from the snapshot and the log');
});
