import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VecshardClient } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { allRows, bruteForce, recallAt } from '../helpers/documents.js';
import { scrape, total } from '../helpers/metrics.js';

// A partition key places rows by tenant: every row of a shop lives on one
// shard, so a search, Count or Query that fixes the shop asks that shard
// alone, and is exact within the shop at nprobe = nlist. Rows moving to
// another shop leave nothing behind; snapshots, refills and restores keep
// every row where its tenant lives.
const DIM = 8;
const N = 4000;
const SHOPS = 40;
const NLIST = 16;
const K = 10;
const NAME = 'shops';
const shopOf = (row: number) => `shop-${row % SHOPS}`;
const priceOf = (row: number) => (row * 37) % 1000;
const vectors = clusteredVectors(N, DIM, 61);
const queries = clusteredVectors(10, DIM, 62);

let cluster: TestCluster;
let client: VecshardClient;
const store = mkdtempSync(join(tmpdir(), 'vecshard-tenants-'));
/** Rows of each shop as the cluster must hold them: id → shop. */
const shops = new Map<number, string>();

const rowsOfShop = (shop: string) => new Set([...shops].filter(([, s]) => s === shop).map(([id]) => id));

beforeAll(async () => {
  cluster = await startCluster({
    workers: 4,
    coordinatorArgs: ['--store', `file://${store}`, '--snapshot-grace-s', '0'],
  });
  client = cluster.client;
  await client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 2,
    fields: { shop: 'keyword', price: 'double' },
    partitionKey: 'shop',
  });
  await client.train(NAME, vectors);
  const rows = Array.from({ length: N }, (_, row) => row);
  await client.upsert(NAME, sequentialIds(N), vectors, {
    fields: { shop: rows.map(shopOf), price: rows.map(priceOf) },
  });
  for (const row of rows) shops.set(row, shopOf(row));
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(store, { recursive: true, force: true });
});

/** One shop's search answers what brute force over that shop's rows answers, asking one shard. */
async function expectExactWithinShop(shop: string): Promise<void> {
  const result = await client.search(NAME, queries, { k: K, nprobe: NLIST, filter: `shop == '${shop}'` });
  expect(result.shardsQueried).toBe(1);
  expect(recallAt(bruteForce(vectors, DIM, queries, K, rowsOfShop(shop)), result.ids, K)).toBe(1);
}

/** SearchLists calls the workers have answered so far (one-hop searches and the coordinator's). */
async function workerSearchCalls(): Promise<number> {
  let calls = 0;
  for (const worker of cluster.workers) {
    calls += total(await scrape(worker.metricsUrl!), 'vecshard_rpc_requests_total', {
      method: 'SearchLists',
    });
  }
  return calls;
}

/** Searches the workers answered from a kept copy of a filtered subset. */
async function subsetCacheHits(): Promise<number> {
  let hits = 0;
  for (const worker of cluster.workers) {
    hits += total(await scrape(worker.metricsUrl!), 'vecshard_subset_cache_lookups_total', { result: 'hit' });
  }
  return hits;
}

/** The k nearest of `rows` (id → vector) to one query, by squared L2 distance. */
function bruteForceOver(rows: Map<number, Float32Array>, query: Float32Array, k: number): bigint[] {
  const distance = (v: Float32Array) => v.reduce((sum, x, j) => sum + (x - query[j]) ** 2, 0);
  return [...rows]
    .map(([id, v]) => ({ id, d: distance(v) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map(({ id }) => BigInt(id));
}

describe('a partition key', { timeout: 240_000 }, () => {
  it('reports the key and spreads the shops over every shard', async () => {
    const info = await client.getCollection(NAME);
    expect(info.partitionKey).toBe('shop');
    expect(info.placement).toHaveLength(4);
    const status = await client.clusterStatus();
    for (const worker of status.workers) expect(worker.vectors).toBeGreaterThan(0);
  });

  it('asks one shard for a search, a Count and a Query that fix the shop, exact within it', async () => {
    for (const shop of ['shop-0', 'shop-7', 'shop-33']) await expectExactWithinShop(shop);
    expect(await client.count(NAME, { filter: "shop == 'shop-7'" })).toBe(rowsOfShop('shop-7').size);
    const page = await client.query(NAME, { filter: "shop == 'shop-7' and price < 500", limit: 1000 });
    const expected = [...rowsOfShop('shop-7')].filter((row) => priceOf(row) < 500).sort((a, b) => a - b);
    expect([...page.ids].map(Number)).toEqual(expected);
    // Without the shop, every shard.
    expect((await client.search(NAME, queries, { k: K })).shardsQueried).toBe(4);
  });

  it("sends a one-hop search fixing the shop to the shop's shard alone, with the coordinator's answer", async () => {
    await client.refreshRoutingTable(NAME);
    // The filter as an object, and as an expression the client parses itself.
    const shopFilters = (shop: string) => [
      { must: [{ match: { field: 'shop', keywords: [shop] } }] },
      `shop == '${shop}' and price >= 0`,
    ];
    for (const [shop, filter] of ['shop-0', 'shop-7', 'shop-33'].flatMap((s) =>
      shopFilters(s).map((f) => [s, f] as const),
    )) {
      const before = await workerSearchCalls();
      const direct = await client.search(NAME, queries, { k: K, nprobe: NLIST, filter, direct: true });
      expect(direct.path, direct.fallbackReason).toBe('direct');
      // One call, on one worker: every shard asked would be 4.
      expect((await workerSearchCalls()) - before).toBe(1);
      const via = await client.search(NAME, queries, { k: K, nprobe: NLIST, filter });
      expect([...direct.ids]).toEqual([...via.ids]);
      expect(recallAt(bruteForce(vectors, DIM, queries, K, rowsOfShop(shop)), direct.ids, K)).toBe(1);
    }
  });

  it('moves a row that changes shop, leaving nothing behind', async () => {
    const moved = BigInt64Array.of(7n, 47n);
    const movedVectors = Float32Array.from([
      ...vectors.subarray(7 * DIM, 8 * DIM),
      ...vectors.subarray(47 * DIM, 48 * DIM),
    ]);
    await client.upsert(NAME, moved, movedVectors, { fields: { shop: ['shop-1', 'shop-1'], price: [1, 2] } });
    shops.set(7, 'shop-1');
    shops.set(47, 'shop-1');
    expect(await client.count(NAME)).toBe(N);
    expect(await client.count(NAME, { filter: "shop == 'shop-7'" })).toBe(rowsOfShop('shop-7').size);
    await expectExactWithinShop('shop-1');
    await expectExactWithinShop('shop-7');
  });

  it("searches a large shop from the workers' subset cache, and never from a copy older than a write", async () => {
    // 300 rows: enough for the workers to keep the shop's rows as one contiguous copy.
    const big = Array.from({ length: 300 }, (_, i) => 100_000 + i);
    const bigVectors = clusteredVectors(big.length, DIM, 63);
    await client.upsert(NAME, BigInt64Array.from(big.map(BigInt)), bigVectors, {
      fields: { shop: big.map(() => 'shop-big'), price: big.map(() => 1) },
    });
    const rowsOfBig = () => new Map(big.map((id, i) => [id, bigVectors.subarray(i * DIM, (i + 1) * DIM)]));
    const one = queries.subarray(0, DIM);
    const search = () => client.search(NAME, one, { k: K, nprobe: NLIST, filter: "shop == 'shop-big'" });
    const hitsBefore = await subsetCacheHits();
    for (let i = 0; i < 3; i++) expect((await search()).ids.every((id) => id >= 100_000n)).toBe(true);
    expect((await subsetCacheHits()) - hitsBefore).toBeGreaterThan(0);

    // The farthest row moves onto the query, the nearest is deleted: the next answer shows both.
    const first = await search();
    const nearest = first.ids[0];
    const moved = BigInt(big[big.length - 1]) === nearest ? BigInt(big[0]) : BigInt(big[big.length - 1]);
    await client.upsert(NAME, BigInt64Array.of(moved), one, { fields: { shop: ['shop-big'], price: [1] } });
    await client.delete(NAME, BigInt64Array.of(nearest));
    const after = await search();
    expect(after.ids[0]).toBe(moved);
    expect([...after.ids]).not.toContain(nearest);
    const rows = rowsOfBig();
    rows.set(Number(moved), one);
    rows.delete(Number(nearest));
    const truth = bruteForceOver(rows, one, K);
    expect([...after.ids]).toEqual(truth);
    await client.delete(NAME, BigInt64Array.from(big.map(BigInt)));
  });

  it('refuses a row without its shop, naming the key, and Rebalance', async () => {
    const refused = await client
      .upsert(NAME, BigInt64Array.of(99_999n), vectors.subarray(0, DIM), { fields: { price: [3] } })
      .catch((error) => error);
    expect(refused).toMatchObject({ codeName: 'INVALID_ARGUMENT', message: expect.stringMatching(/shop/) });
    await expect(client.rebalance(NAME)).rejects.toMatchObject({ codeName: 'FAILED_PRECONDITION' });
  });

  it('keeps every shop on its shard through a refill and a restore', async () => {
    const before = await allRows(client, NAME, ['shop', 'price']);
    await client.waitForJob((await client.snapshot(NAME)).id);
    await cluster.restartWorker(2);
    await client.waitUntilLoaded(NAME, { timeoutMs: 180_000 });
    for (const shop of ['shop-1', 'shop-7', 'shop-22']) await expectExactWithinShop(shop);
    await client.waitForJob((await client.restore(NAME)).id);
    expect(await allRows(client, NAME, ['shop', 'price'])).toEqual(before);
    for (const shop of ['shop-1', 'shop-7', 'shop-22']) await expectExactWithinShop(shop);
  });
});
