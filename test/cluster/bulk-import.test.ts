import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VecshardClient } from '@vecshard/client';
import { writeNpy } from '@vecshard/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { Acknowledged, expectExact } from '../helpers/write-load.js';

// A bulk import writes straight to the shards, unlogged, and ends with a
// snapshot that makes it durable. A worker killed (kill -9) mid-import: the
// job resumes from the start of the file with each batch's first write
// sequence, and when it completes every row is there exactly once, upserts
// acknowledged during the import keep their vectors (the copies' row
// versions refuse the older batch sent again, also on a copy rebuilt from
// the write log), and later upserts of imported ids leave no stale copy
// (the import set its ids in the id filters). After the import, a
// restarted worker gets the imported rows back from the import's snapshot.
// No time is asserted.
const DIM = 16;
const NLIST = 32;
const N = 60_000;
const BATCH = 1000;

const dir = mkdtempSync(join(tmpdir(), 'vecshard-bulk-import-'));
const file = join(dir, 'base.npy');
const base = clusteredVectors(N, DIM, 2);
let cluster: TestCluster;

beforeAll(async () => {
  writeNpy(file, base, DIM);
  cluster = await startCluster({
    workers: 2,
    coordinatorArgs: [
      '--store',
      `file://${join(dir, 'store')}`,
      '--import-root',
      dir,
      '--job-lock-ms',
      '2000',
      '--snapshot-grace-s',
      '0',
    ],
    clientDeadlineMs: 120_000,
  });
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function trained(client: VecshardClient, name: string, replicationFactor: number): Promise<Uint8Array> {
  await client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 4,
    shards: 2,
    replicationFactor,
  });
  await client.train(name, base.subarray(0, 4000 * DIM));
  return (await client.getCollection(name, { includeTemplate: true })).template!;
}

/** Resolves once the job has stored at least `rows` rows. */
async function storedAtLeast(client: VecshardClient, id: string, rows: number): Promise<void> {
  for (;;) {
    const job = await client.getJob(id);
    if (job.done >= rows || job.state === 'completed' || job.state === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once every copy of the collection is ready again. */
async function allReady(client: VecshardClient, name: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const { state, placement } = await client.getCollection(name);
    if (state === 'ready' && placement.every((s) => s.replicas.every((r) => r.state === 'ready'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`copies of "${name}" are not ready after two minutes`);
}

describe('bulk import', { timeout: 300_000 }, () => {
  it.each([1, 2])(
    'replication factor %i: a worker killed mid-import, every row once, acknowledged upserts kept',
    async (rf) => {
      const client = cluster.client;
      const name = `bulk-rf${rf}`;
      const template = await trained(client, name, rf);
      const acked = new Acknowledged(DIM);
      acked.add(sequentialIds(N), base);

      const queued = await client.import({ collection: name, path: file, batchSize: BATCH });
      await storedAtLeast(client, queued.id, N / 4);
      // Acknowledged during the import: rows it already stored, moved to other lists, and new ids.
      const moved = sequentialIds(200, 100);
      const movedVectors = clusteredVectors(200, DIM, 9);
      await client.upsert(name, moved, movedVectors);
      acked.add(moved, movedVectors);
      const fresh = sequentialIds(100, N + 10);
      const freshVectors = clusteredVectors(100, DIM, 10);
      await client.upsert(name, fresh, freshVectors);
      acked.add(fresh, freshVectors);
      const deleted = sequentialIds(50, 1000);
      await client.delete(name, deleted);
      acked.remove(deleted);

      const atKill = await client.getJob(queued.id);
      await cluster.restartWorker(0);
      const job = await client.waitForJob(queued.id, { timeoutMs: 240_000 });
      // Killed mid-import, not after it.
      expect(atKill.state).toBe('running');
      expect(job.state).toBe('completed');
      expect(job.result).toMatchObject({ vectors: N });
      expect(job.result.snapshotId).toBeTruthy();
      await allReady(client, name);
      await expectExact(client, name, acked, template, NLIST);

      // Later upserts of imported ids reach the shards holding them: no stale copy.
      const later = sequentialIds(300, 20_000);
      const laterVectors = clusteredVectors(300, DIM, 11);
      await client.upsert(name, later, laterVectors);
      acked.add(later, laterVectors);
      expect(await client.count(name)).toBe(acked.vectors.size);
      await expectExact(client, name, acked, template, NLIST);

      // Durable: a worker restarted after the import gets the rows back (snapshot + log).
      await cluster.restartWorker(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await allReady(client, name);
      await expectExact(client, name, acked, template, NLIST);
      await client.dropCollection(name);
    },
  );
});
