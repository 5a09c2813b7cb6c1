import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeArray } from '@vecshard/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { rawWorkerCall } from '../helpers/raw-client.js';
import { workerStats } from '../helpers/worker-stats.js';

// Worker writes carry the placement epoch they were routed by. A copy that
// was refilled (attached again at a newer epoch) refuses a write routed
// before: a worker paused with requests queued, or a coordinator that has not
// heard of the refill, cannot put an old value back after it. The refusal is
// ABORTED "write fenced", and nothing of the write is applied.
const DIM = 8;
const NAME = 'fenced';
const dir = mkdtempSync(join(tmpdir(), 'vecshard-fencing-'));

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 2, coordinatorArgs: ['--store', `file://${join(dir, 'store')}`] });
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Vectors worker `index` holds in shard 0 of the collection. */
async function heldVectors(index: number): Promise<number> {
  const stats = await workerStats(cluster.workers[index].address);
  return Number(stats.collections.find((c) => c.collection === NAME && c.shard === 0)?.vectors ?? -1);
}

it('a copy refilled at a newer epoch refuses a write routed before, and applies none of it', async () => {
  const client = cluster.client;
  await client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: 'IVF4,Flat',
    nprobe: 4,
    replicationFactor: 2,
  });
  const vectors = clusteredVectors(2000, DIM, 71);
  await client.train(NAME, vectors);
  await client.upsert(NAME, sequentialIds(2000), vectors);
  const before = await client.refreshRoutingTable(NAME);
  const list = (await client.getCollection(NAME)).placement[0].lists[0];
  // A write to shard 0 of worker w1 as the coordinator routed it at this epoch, delivered late.
  const late = {
    collection: NAME,
    shard: 0,
    ids: encodeArray(BigInt64Array.of(9_000_000n)),
    vectors: encodeArray(new Float32Array(DIM).fill(0.5)),
    lists: encodeArray(BigInt64Array.of(BigInt(list))),
    replaceIds: Buffer.alloc(0),
    fields: [],
    epoch: String(before.epoch),
  };

  await cluster.restartWorker(1);
  await client.waitUntilLoaded(NAME, { timeoutMs: 180_000 });
  const held = await heldVectors(1);
  expect(held).toBeGreaterThan(0);

  const refused = await rawWorkerCall(cluster.workers[1].address, 'AddPreassigned', late);
  expect(refused.code).toBe('ABORTED');
  expect(refused.message).toMatch(
    /write fenced: shard 0 of "fenced" was attached or fenced at placement epoch \d+; the write was routed by epoch \d+/,
  );
  expect(await heldVectors(1)).toBe(held);
  const deleted = await rawWorkerCall(cluster.workers[1].address, 'Delete', {
    collection: NAME,
    shard: 0,
    ids: encodeArray(sequentialIds(2000)),
    epoch: String(before.epoch),
  });
  expect(deleted.code).toBe('ABORTED');
  expect(await heldVectors(1)).toBe(held);

  // Writes through the coordinator, routed by the current placement, are taken by every copy.
  await client.upsert(NAME, BigInt64Array.of(9_000_001n), new Float32Array(DIM).fill(0.25));
  expect((await client.getCollection(NAME)).vectors).toBe(2001);
});
