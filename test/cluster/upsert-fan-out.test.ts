import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { clusterKeys, openRedis } from '@vecshard/proto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, startCoordinatorProcess, startWorker, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, seededRandom, sequentialIds } from '../helpers/data.js';
import { scrape, total } from '../helpers/metrics.js';
import { Acknowledged, expectExact } from '../helpers/write-load.js';

// An upsert goes to the shard that stores each row, and to the shards whose
// id filters (per-shard Bloom filters in Redis) may hold an older vector of
// one of its ids, instead of to every shard: a one-row upsert makes about
// RF worker calls whatever the shard count. Every id keeps exactly one copy
// all the same: when upserts move ids to other lists and shards, when two
// coordinators write the same ids at once, while lists move, after a
// restore, and for a collection whose filters are missing until they are
// rebuilt. Calls are counted from the coordinator's metrics; no time is
// asserted.
const DIM = 16;
const NLIST = 32;
/** Extra calls allowed per upsert for the filters' false positives, as a share of RF. */
const EPSILON = 0.1;

let cluster: TestCluster | undefined;
const extra: { close(): void }[] = [];
const store = mkdtempSync(join(tmpdir(), 'vecshard-fan-out-'));

afterEach(async () => {
  for (const thing of extra.splice(0)) thing.close();
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(store, { recursive: true, force: true });
});

/** Coordinator → worker write calls (AddPreassigned + Delete) so far, whatever their status. */
async function writeCalls(metricsUrl: string): Promise<number> {
  const samples = await scrape(metricsUrl);
  return ['AddPreassigned', 'Delete'].reduce(
    (sum, method) => sum + total(samples, 'vecshard_worker_request_seconds_count', { method }),
    0,
  );
}

/** Worker calls per step, over `steps` steps. */
async function callsPer(metricsUrl: string, steps: number, step: (i: number) => Promise<unknown>) {
  const before = await writeCalls(metricsUrl);
  for (let i = 0; i < steps; i++) await step(i);
  return ((await writeCalls(metricsUrl)) - before) / steps;
}

/** A trained list-routed collection holding `n` rows (ids 0…n − 1); resolves to its template. */
async function collection(
  client: VecshardClient,
  name: string,
  options: { shards: number; replicationFactor?: number; n?: number },
  acked?: Acknowledged,
): Promise<Uint8Array> {
  const n = options.n ?? 2000;
  await client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 4,
    shards: options.shards,
    replicationFactor: options.replicationFactor ?? 1,
  });
  await client.train(name, clusteredVectors(2000, DIM, 1));
  const vectors = clusteredVectors(n, DIM, 2);
  await client.upsert(name, sequentialIds(n), vectors);
  acked?.add(sequentialIds(n), vectors);
  return (await client.getCollection(name, { includeTemplate: true })).template!;
}

/** Upserts `ids` with fresh vectors from another mixture (most land in other lists), recorded in `acked`. */
async function moveIds(
  client: VecshardClient,
  name: string,
  ids: BigInt64Array,
  seed: number,
  acked: Acknowledged,
) {
  const vectors = clusteredVectors(ids.length, DIM, seed);
  await client.upsert(name, ids, vectors);
  acked.add(ids, vectors);
}

/** `n` distinct ids below `below`, drawn with `random`. */
function someIds(random: () => number, n: number, below: number): BigInt64Array {
  const picked = new Set<bigint>();
  while (picked.size < n) picked.add(BigInt(Math.floor(random() * below)));
  return BigInt64Array.from(picked);
}

/** The collection holds exactly the acknowledged rows: Count, the shards' vectors, and exact search. */
async function expectOneCopyEach(
  client: VecshardClient,
  name: string,
  acked: Acknowledged,
  template: Uint8Array,
): Promise<void> {
  expect(await client.count(name)).toBe(acked.vectors.size);
  await expectExact(client, name, acked, template, NLIST);
}

describe('upsert fan-out', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    cluster = await startCluster({
      workers: 4,
      coordinatorArgs: ['--store', `file://${store}`, '--snapshot-grace-s', '0'],
    });
  });

  it.each([
    [1, 1],
    [2, 1],
    [4, 1],
    [2, 2],
    [4, 2],
  ])(
    '%i shard(s), replication factor %i: a one-row upsert makes ≤ RF × (1 + ε) worker calls',
    async (shards, rf) => {
      const { client } = cluster!;
      const metricsUrl = cluster!.coordinator.metricsUrl!;
      const name = `calls-${shards}-${rf}`;
      const acked = new Acknowledged(DIM);
      const template = await collection(client, name, { shards, replicationFactor: rf }, acked);
      const fresh = clusteredVectors(40, DIM, 3);
      const perNewId = await callsPer(metricsUrl, 40, async (i) => {
        const id = BigInt64Array.of(BigInt(10_000 + i));
        const vector = fresh.subarray(i * DIM, (i + 1) * DIM);
        await client.upsert(name, id, vector);
        acked.add(id, vector);
      });
      expect(perNewId).toBeLessThanOrEqual(rf * (1 + EPSILON));
      // A stored id with a vector in another list: its shard, and the one it leaves.
      const random = seededRandom(shards * 10 + rf);
      const perMovedId = await callsPer(metricsUrl, 20, (i) =>
        moveIds(client, name, BigInt64Array.of(BigInt(Math.floor(random() * 2000))), 100 + i, acked),
      );
      expect(perMovedId).toBeLessThanOrEqual(2 * rf * (1 + EPSILON));
      // A delete of one id goes to where it may be.
      const perDelete = await callsPer(metricsUrl, 10, async (i) => {
        const id = BigInt64Array.of(BigInt(10_000 + i));
        expect(await client.delete(name, id)).toBe(1);
        acked.remove(id);
      });
      expect(perDelete).toBeLessThanOrEqual(2 * rf * (1 + EPSILON));
      // Ids never written: no worker is asked (but for a false positive now and then).
      const perAbsent = await callsPer(metricsUrl, 20, (i) =>
        client.delete(name, BigInt64Array.of(BigInt(90_000 + i))),
      );
      expect(perAbsent).toBeLessThanOrEqual(rf * EPSILON);
      await expectOneCopyEach(client, name, acked, template);
      await client.dropCollection(name);
    },
  );

  it('upserts that move ids between lists and shards leave exactly one copy of each', async () => {
    const { client } = cluster!;
    const acked = new Acknowledged(DIM);
    const name = 'moving';
    // 6000 rows: larger than one script call sets, so their ids go in chunks before the sequence.
    const template = await collection(client, name, { shards: 4, replicationFactor: 2, n: 6000 }, acked);
    const random = seededRandom(5);
    // Batches of every size, each moving its ids again, some several times.
    for (const [round, size] of [1, 1, 10, 100, 500, 1, 10, 5000, 1, 2000].entries()) {
      await moveIds(client, name, someIds(random, size, 6000), 10 + round, acked);
    }
    const gone = sequentialIds(100, 2500);
    expect(await client.delete(name, gone)).toBe(100);
    acked.remove(gone);
    await moveIds(client, name, sequentialIds(50, 2525), 30, acked);
    await expectOneCopyEach(client, name, acked, template);
  });

  it('two coordinators upserting the same ids at once leave one copy of each', async () => {
    const { client } = cluster!;
    const name = 'two-writers';
    const acked = new Acknowledged(DIM);
    const template = await collection(client, name, { shards: 4, n: 200 }, acked);
    const other = await startCoordinatorProcess(cluster!.redis.url, ['--no-jobs']);
    const second = new VecshardClient(other.address, { deadlineMs: 60_000 });
    extra.push(second, { close: () => void other.process.stop('SIGKILL') });
    // Each writer moves random ids of the same 200 around; the same id is often in flight on both.
    const write = async (writer: VecshardClient, seed: number) => {
      const random = seededRandom(seed);
      for (let round = 0; round < 60; round++) {
        const ids = someIds(random, 1 + Math.floor(random() * 8), 200);
        await writer.upsert(name, ids, clusteredVectors(ids.length, DIM, seed * 1000 + round));
      }
    };
    await Promise.all([write(client, 1), write(second, 2), write(client, 3), write(second, 4)]);
    // Which write of an id won is not known here: whatever each id holds now, it holds it once.
    const ids = sequentialIds(200);
    const stored = await client.get(name, ids, { withVectors: true });
    expect(stored.ids).toHaveLength(200);
    const final = new Acknowledged(DIM);
    final.add(stored.ids, stored.vectors!);
    await expectOneCopyEach(client, name, final, template);
    await expectOneCopyEach(second, name, final, template);
    expect(acked.vectors.size).toBe(200);
  });

  it('after a restore the filters hold the restored ids: few calls, one copy each', async () => {
    const { client } = cluster!;
    const metricsUrl = cluster!.coordinator.metricsUrl!;
    const name = 'restored';
    const acked = new Acknowledged(DIM);
    const template = await collection(client, name, { shards: 4, n: 2000 }, acked);
    await client.waitForJob((await client.snapshot(name)).id, { timeoutMs: 120_000 });
    // Changed after the snapshot: the restore brings back the snapshot's rows.
    await client.upsert(name, sequentialIds(10, 5000), clusteredVectors(10, DIM, 9));
    await client.waitForJob((await client.restore(name)).id, { timeoutMs: 120_000 });
    expect(await client.count(name)).toBe(2000);
    const fresh = clusteredVectors(20, DIM, 4);
    const perNewId = await callsPer(metricsUrl, 20, async (i) => {
      const id = BigInt64Array.of(BigInt(20_000 + i));
      await client.upsert(name, id, fresh.subarray(i * DIM, (i + 1) * DIM));
      acked.add(id, fresh.subarray(i * DIM, (i + 1) * DIM));
    });
    expect(perNewId).toBeLessThanOrEqual(1 + EPSILON);
    // Restored ids move to other shards: the restored filters name where they were.
    await moveIds(client, name, someIds(seededRandom(8), 300, 2000), 40, acked);
    for (let i = 0; i < 20; i++) await moveIds(client, name, BigInt64Array.of(BigInt(i * 50)), 60 + i, acked);
    await expectOneCopyEach(client, name, acked, template);
  });
});

describe('id filters and list moves, missing filters', { timeout: 300_000 }, () => {
  let moves: TestCluster | undefined;
  afterEach(async () => {
    for (const thing of extra.splice(0)) thing.close();
    await moves?.stop();
    moves = undefined;
  });

  it('writes from two coordinators racing a Rebalance and a DrainWorker keep one copy of each id', async () => {
    moves = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    const name = 'racing-moves';
    const template = await collection(moves.client, name, { shards: 2, n: 4000 }, acked);
    const other = await startCoordinatorProcess(moves.redis.url, ['--no-jobs']);
    const second = new VecshardClient(other.address, { deadlineMs: 60_000 });
    extra.push(second, { close: () => void other.process.stop('SIGKILL') });
    moves.workers.push(await startWorker(moves.redis.url, 'w2'));
    // Each coordinator moves its own ids (even, odd, from 200 on) again and again while lists and
    // copies move, and both move the same ids 0…199 (which write of those wins is not known).
    let stopped = false;
    const failures: string[] = [];
    let writes = 0;
    const write = async (writer: VecshardClient, parity: number) => {
      const random = seededRandom(parity + 7);
      for (let round = 0; !stopped; round++) {
        const ids = BigInt64Array.from(
          someIds(random, 1 + Math.floor(random() * 20), 1900),
          (i) => 200n + 2n * i + BigInt(parity),
        );
        const vectors = clusteredVectors(ids.length, DIM, 1000 * parity + round);
        try {
          await writer.upsert(name, ids, vectors);
          acked.add(ids, vectors);
          writes++;
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    };
    const writeShared = async (writer: VecshardClient, seed: number) => {
      const random = seededRandom(seed);
      for (let round = 0; !stopped; round++) {
        const ids = someIds(random, 1 + Math.floor(random() * 3), 200);
        try {
          await writer.upsert(name, ids, clusteredVectors(ids.length, DIM, 100_000 * seed + round));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    };
    const writing = Promise.all([
      write(moves.client, 0),
      write(second, 1),
      writeShared(moves.client, 3),
      writeShared(second, 4),
    ]);
    const rebalance = await moves.client.waitForJob((await moves.client.rebalance(name)).id, {
      timeoutMs: 120_000,
    });
    expect(Number((rebalance.result as { listsMoved: number }).listsMoved)).toBeGreaterThan(0);
    await moves.client.waitForJob((await moves.client.drainWorker('w0')).id, { timeoutMs: 120_000 });
    stopped = true;
    await writing;
    expect(failures).toEqual([]);
    expect(writes).toBeGreaterThan(0);
    const shared = await moves.client.get(name, sequentialIds(200), { withVectors: true });
    expect(shared.ids).toHaveLength(200);
    acked.add(shared.ids, shared.vectors!);
    await expectOneCopyEach(moves.client, name, acked, template);
    // The new shard's filters took the lists' ids: moving them off it again, one at a time (a
    // batch reaching every shard anyway would not need the filters), leaves nothing there.
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      await moveIds(
        moves.client,
        name,
        BigInt64Array.of(BigInt(Math.floor(random() * 4000))),
        200 + i,
        acked,
      );
    }
    await expectOneCopyEach(moves.client, name, acked, template);
  });

  it('without filters writes go to every shard, exactly; a coordinator running jobs rebuilds them', async () => {
    // Its coordinator runs no jobs, so nothing rebuilds the filters until a second one starts.
    moves = await startCluster({ workers: 3, coordinatorArgs: ['--no-jobs'] });
    const { client } = moves;
    const metricsUrl = moves.coordinator.metricsUrl!;
    const acked = new Acknowledged(DIM);
    const name = 'no-filters';
    const template = await collection(client, name, { shards: 3, n: 2000 }, acked);
    // As a collection trained before the filters existed.
    const redis = openRedis(moves.redis.url);
    extra.push({ close: () => redis.disconnect() });
    const keys = clusterKeys();
    await redis.del(keys.idFilters(name));
    const fresh = clusteredVectors(10, DIM, 6);
    const upsertNew = async (i: number) => {
      const id = BigInt64Array.of(BigInt(30_000 + i));
      await client.upsert(name, id, fresh.subarray((i % 10) * DIM, ((i % 10) + 1) * DIM));
      acked.add(id, fresh.subarray((i % 10) * DIM, ((i % 10) + 1) * DIM));
    };
    expect(await callsPer(metricsUrl, 10, upsertNew)).toBe(3);
    await moveIds(client, name, someIds(seededRandom(3), 500, 2000), 50, acked);
    await expectOneCopyEach(client, name, acked, template);

    const rebuilder = await startCoordinatorProcess(moves.redis.url);
    extra.push({ close: () => void rebuilder.process.stop('SIGKILL') });
    while ((await redis.hget(keys.idFilters(name), 'state')) !== 'ready') {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await callsPer(metricsUrl, 10, (i) => upsertNew(10 + i))).toBeLessThanOrEqual(1 + EPSILON);
    await moveIds(client, name, someIds(seededRandom(4), 500, 2000), 51, acked);
    for (let i = 0; i < 20; i++) await moveIds(client, name, BigInt64Array.of(BigInt(i * 97)), 80 + i, acked);
    await expectOneCopyEach(client, name, acked, template);
  });
});
