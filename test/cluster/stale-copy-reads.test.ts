import { decodeFloats, encodeArray } from '@vecshard/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { rawWorkerCall } from '../helpers/raw-client.js';

// A copy that misses a write must answer no read once the write is
// acknowledged: not through this coordinator, not through another one that
// has not heard of the demotion yet, not to a client routing by an old table.
// A hung copy cannot be told, so the coordinator fences it in Redis and waits
// out its worker's read lease before acknowledging; the worker, resumed,
// refuses reads until a heartbeat has brought it the fence. Asked directly
// here (as a coordinator with an out-of-date placement would ask it), the
// resumed copy must never return the value the write replaced.
const DIM = 8;
const NAME = 'stale-reads';
const ID = 7n;

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});

/** ReadRows of one id on one worker: its vector, or the status that refused the read. */
async function readOn(address: string, shard: number) {
  const answer = await rawWorkerCall(address, 'ReadRows', {
    collection: NAME,
    shard,
    ids: encodeArray(BigInt64Array.of(ID)),
    outputFields: [],
    withVectors: true,
  });
  const rows = answer.response as { vectors: Buffer } | undefined;
  return { ...answer, vector: rows ? decodeFloats(rows.vectors, 'vectors') : undefined };
}

it('a copy hung while a write was acknowledged answers no read of the old value after it resumes', async () => {
  const client = cluster.client;
  await client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: 'IVF4,Flat',
    nprobe: 4,
    replicationFactor: 2,
  });
  const vectors = clusteredVectors(1000, DIM, 81);
  await client.train(NAME, vectors);
  await client.upsert(NAME, sequentialIds(1000), vectors);
  const before = new Float32Array(DIM).fill(1);
  const meanwhile = new Float32Array(DIM).fill(2);
  const after = new Float32Array(DIM).fill(3);
  await client.upsert(NAME, BigInt64Array.of(ID), before);
  const shards = (await client.getCollection(NAME)).placement.map((s) => s.shard);

  const hung = cluster.workers[1];
  hung.process.child.kill('SIGSTOP');
  try {
    // Acknowledged once w0 stored it and w1's copies are fenced (after w1's read lease lapsed).
    // w1 gets this one late, when it resumes; the next one is no longer sent to it at all.
    await client.upsert(NAME, BigInt64Array.of(ID), meanwhile);
    await client.upsert(NAME, BigInt64Array.of(ID), after);
  } finally {
    hung.process.child.kill('SIGCONT');
  }
  // Every shard of w1, asked right after it resumes: refused, or (once refilled) the new value.
  for (const shard of shards) {
    const answer = await readOn(hung.address, shard);
    if (answer.code === 'OK' && answer.vector!.length > 0) expect([...answer.vector!]).toEqual([...after]);
    else if (answer.code !== 'OK') {
      expect(answer.code).toBe('UNAVAILABLE');
      expect(answer.message).toMatch(/missed writes|read lease lapsed|loading/);
    }
  }
  const read = await client.get(NAME, BigInt64Array.of(ID), { withVectors: true });
  expect([...read.vectors!.subarray(0, DIM)]).toEqual([...after]);
});
