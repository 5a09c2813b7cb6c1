import type { Filter } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { bruteForce, documentFields, documentRows, matchingRows } from '../helpers/documents.js';

// Filtered one-hop search: a filter object goes from the client to every
// shard, each searching its matching rows exactly when they are few; served
// one hop when every shard did, exactly as the coordinator answers, and by
// the coordinator otherwise (a broad filter, an expression).
const DIM = 16;
const N = 3000;
const NLIST = 16;
const K = 10;
const NAME = 'direct-filtered';

let cluster: TestCluster;
const vectors = clusteredVectors(N, DIM, 31);
const queries = clusteredVectors(20, DIM, 32);
const rows = documentRows(N, 5);

beforeAll(async () => {
  cluster = await startCluster({ workers: 2 });
  await cluster.client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    // One list of 16: up to max(1 %, 4/16) = 25 % of a shard's rows are searched exactly by the shard.
    nprobe: 1,
    fields: { price: 'double', color: 'keyword' },
  });
  await cluster.client.train(NAME, vectors.subarray(0, 2000 * DIM));
  const { price, color } = documentFields(rows);
  await cluster.client.upsert(NAME, sequentialIds(N), vectors, { fields: { price, color } });
  expect((await cluster.client.refreshRoutingTable(NAME)).routable).toBe(true);
});
afterAll(async () => {
  await cluster?.stop();
});

const below = (limit: number): Filter => ({ must: [{ range: { field: 'price', lt: limit } }] });

/** The exact top-k among the rows under the price, per query. */
function exactBelow(limit: number): number[][] {
  const matches = matchingRows(rows, (row) => row.price !== null && row.price < limit);
  return bruteForce(vectors, DIM, queries, K, matches);
}

function idsOf(ids: BigInt64Array): number[][] {
  return Array.from({ length: ids.length / K }, (_, q) => [...ids.subarray(q * K, (q + 1) * K)].map(Number));
}

describe('filtered one-hop search', { timeout: 120_000 }, () => {
  it('serves a selective filter one hop, exactly as the coordinator', async () => {
    for (const limit of [10, 100]) {
      const direct = await cluster.client.search(NAME, queries, { k: K, filter: below(limit), direct: true });
      const viaCoordinator = await cluster.client.search(NAME, queries, { k: K, filter: below(limit) });
      expect(direct.path, `price < ${limit}: ${direct.fallbackReason}`).toBe('direct');
      expect(viaCoordinator.path).toBe('coordinator');
      expect(idsOf(direct.ids)).toEqual(exactBelow(limit));
      expect(idsOf(viaCoordinator.ids)).toEqual(exactBelow(limit));
      expect([...direct.distances]).toEqual([...viaCoordinator.distances]);
    }
  });

  it('answers a filter nothing matches one hop, with no hits and no shard searched', async () => {
    const direct = await cluster.client.search(NAME, queries, { k: K, filter: below(-1), direct: true });
    expect(direct.path).toBe('direct');
    expect(direct.ids.every((id) => id === -1n)).toBe(true);
    expect(direct.shardsQueried).toBe(0);
  });

  it('leaves a broad filter to the coordinator', async () => {
    const broad = await cluster.client.search(NAME, queries, { k: K, filter: below(900), direct: true });
    expect(broad.path).toBe('coordinator');
    expect(broad.fallbackReason).toBe('filtered');
    const plain = await cluster.client.search(NAME, queries, { k: K, filter: below(900) });
    expect([...broad.ids]).toEqual([...plain.ids]);
  });

  it('parses an expression in the client and serves it one hop; one it cannot parse goes to the coordinator', async () => {
    const expression = await cluster.client.search(NAME, queries, {
      k: K,
      filter: 'price < 10',
      direct: true,
    });
    expect(expression.path, expression.fallbackReason).toBe('direct');
    expect(idsOf(expression.ids)).toEqual(exactBelow(10));
    // A field the collection lacks: the coordinator answers, with its error naming the field and position.
    const refused = await cluster.client
      .search(NAME, queries, { k: K, filter: 'cost < 10', direct: true })
      .catch((error) => error);
    expect(refused).toMatchObject({
      codeName: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/cost.*position 0/),
    });
  });
});
