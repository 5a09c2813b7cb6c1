import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type VecshardClient, VecshardError } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, startWorker, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { allRows, documentFields, documentRows } from '../helpers/documents.js';

// Every path that moves a vector moves its fields: a snapshot and its
// restore, the refill of a copy killed with -9 (from the snapshot plus the
// writes logged after it), Rebalance and DrainWorker (lists moved between
// workers) and a restart of every process. After each, every row's fields
// and a filtered answer are what they were.
const DIM = 8;
const N = 3000;
const NAME = 'durable-docs';
const FIELDS = ['color', 'price', 'year', 'in_stock', 'tags', 'meta'];
const FILTER = "color in ['red', 'blue'] and price < 400 and not is_missing(year)";
const queries = clusteredVectors(20, DIM, 32);

let cluster: TestCluster;
let client: VecshardClient;
const store = mkdtempSync(join(tmpdir(), 'vecshard-docs-store-'));
/** What the collection must hold: every row's fields, and the filtered answer (exact at nprobe = nlist). */
let expectedRows: Map<bigint, Record<string, unknown>>;
let expectedAnswer: bigint[];
/** Why a later test cannot run, if the earlier ones did not finish. */
let missing: string | undefined = 'the collection was not loaded';

const filteredAnswer = async () => [
  ...(await client.search(NAME, queries, { k: 10, nprobe: 16, filter: FILTER })).ids,
];

async function expectUnchanged(): Promise<void> {
  await untilServed();
  expect(await client.count(NAME)).toBe(expectedRows.size);
  expect(await allRows(client, NAME, FIELDS)).toEqual(expectedRows);
  expect(await filteredAnswer()).toEqual(expectedAnswer);
}

/**
 * Waits until every shard has its two copies ready (refills done) and a read
 * of every shard is answered. The read matters right after restarts: until
 * the coordinator's next look at the workers (every 2 s) finds them empty,
 * the record still calls their copies ready. The budget only turns a hang
 * into a failure.
 */
async function untilServed(budgetMs = 180_000): Promise<void> {
  const until = Date.now() + budgetMs;
  for (;;) {
    const info = await client.getCollection(NAME).catch(() => undefined);
    const full = info?.placement.every((s) => s.replicas.filter((r) => r.state === 'ready').length >= 2);
    if (info?.state === 'ready' && full && (await client.count(NAME).then(() => true, notLoading))) return;
    if (Date.now() > until)
      throw new Error(`"${NAME}" was not served with both copies within ${budgetMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** False for a read refused because a copy is still loading; any other failure is the test's. */
function notLoading(error: unknown): false {
  if (error instanceof VecshardError && error.codeName === 'UNAVAILABLE') return false;
  throw error;
}

const needsLoaded = () => {
  if (missing) throw new Error(`this test builds on the earlier ones, but ${missing}`);
};

beforeAll(async () => {
  cluster = await startCluster({
    workers: 3,
    coordinatorArgs: ['--store', `file://${store}`, '--snapshot-grace-s', '0'],
  });
  client = cluster.client;
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(store, { recursive: true, force: true });
});

describe('fields survive everything that moves vectors', { timeout: 300_000 }, () => {
  it('loads rows with fields into two copies of every shard', async () => {
    await client.createCollection({
      name: NAME,
      dim: DIM,
      metric: 'l2',
      index: 'IVF16,Flat',
      nprobe: 4,
      replicationFactor: 2,
      fields: {
        color: 'keyword',
        price: 'double',
        year: 'int64',
        in_stock: 'bool',
        tags: 'keywords',
        meta: 'json',
      },
    });
    const vectors = clusteredVectors(N, DIM, 31);
    await client.train(NAME, vectors);
    await client.upsert(NAME, sequentialIds(N), vectors, { fields: documentFields(documentRows(N, 3)) });
    expectedRows = await allRows(client, NAME, FIELDS);
    expect(expectedRows.size).toBe(N);
    expectedAnswer = await filteredAnswer();
    expect(expectedAnswer.filter((id) => id >= 0n).length).toBe(10 * 20);
    missing = undefined;
  });

  it('keeps them through a snapshot, writes after it and the refill of a copy killed with -9', async () => {
    needsLoaded();
    await client.waitForJob((await client.snapshot(NAME)).id);
    // After the snapshot: replaced rows (new fields) and deleted ones, only in the write log.
    const replaced = documentRows(200, 99);
    await client.upsert(NAME, sequentialIds(200, 100), clusteredVectors(200, DIM, 33), {
      fields: documentFields(replaced),
    });
    await client.deleteByFilter(NAME, 'year == 1991');
    expectedRows = await allRows(client, NAME, FIELDS);
    expectedAnswer = await filteredAnswer();
    await cluster.restartWorker(1);
    await expectUnchanged();
  });

  it('keeps them when Rebalance moves lists onto a new worker', async () => {
    needsLoaded();
    cluster.workers.push(await startWorker(cluster.redis.url, 'w3'));
    const job = await client.waitForJob((await client.rebalance(NAME)).id, { timeoutMs: 240_000 });
    expect(Number((job.result as { listsMoved: number }).listsMoved)).toBeGreaterThan(0);
    await expectUnchanged();
  });

  it('keeps them when DrainWorker empties a worker', async () => {
    needsLoaded();
    await client.waitForJob((await client.drainWorker('w0')).id, { timeoutMs: 240_000 });
    const status = await client.clusterStatus();
    expect(status.workers.find((worker) => worker.id === 'w0')?.vectors ?? 0).toBe(0);
    await expectUnchanged();
  });

  it('keeps them when every process is killed and started again', async () => {
    needsLoaded();
    await cluster.restartCoordinator();
    for (let i = 0; i < cluster.workers.length; i++) await cluster.restartWorker(i);
    await expectUnchanged();
  });

  it('brings them back with a restore of the snapshot', async () => {
    needsLoaded();
    await client.waitForJob((await client.snapshot(NAME)).id);
    await client.deleteByFilter(NAME, 'in_stock');
    expect(await client.count(NAME, { filter: 'in_stock' })).toBe(0);
    await client.waitForJob((await client.restore(NAME)).id);
    await expectUnchanged();
  });
});
