import { FaissIndex } from '@vecshard/faiss';
import type { Filter__Output } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { ShardCollection } from '../src/shard-collection.js';

// A filtered search the coordinator leaves to the shard (no lists, an exact
// share): the shard searches its matches exactly when they are few enough,
// in the same call that counts them, and otherwise only counts them.
const dim = 8;
const nlist = 4;
const rows = 200;

const vectorOf = (row: number) =>
  Float32Array.from({ length: dim }, (_, i) => Math.sin((row + 1) * (i + 1)) * 10);

async function shardWithPrices(): Promise<ShardCollection> {
  const index = FaissIndex.create(dim, `IVF${nlist},Flat`, 'l2');
  const sample = new Float32Array(rows * dim);
  for (let row = 0; row < rows; row++) sample.set(vectorOf(row), row * dim);
  await index.train(sample);
  const shard = await ShardCollection.attach(
    'c',
    0,
    await index.serialize(),
    'l2',
    [0, 1, 2, 3],
    { device: 'cpu' },
    [{ name: 'price', type: 'double' }],
  );
  const ids = BigInt64Array.from({ length: rows }, (_, row) => BigInt(row));
  const lists = (await index.assign(sample, 1)).lists;
  const prices = Float64Array.from({ length: rows }, (_, row) => row);
  await shard.add(ids, sample, lists, new BigInt64Array(0), [
    { name: 'price', type: 'double', values: prices, missing: new Uint8Array(0) },
  ]);
  return shard;
}

/** The k nearest of rows 0..count-1 to the query, by brute force. */
function nearestAmong(query: Float32Array, count: number, k: number): bigint[] {
  const distance = (row: number) => vectorOf(row).reduce((sum, v, i) => sum + (v - query[i]) ** 2, 0);
  return Array.from({ length: count }, (_, row) => row)
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, k)
    .map(BigInt);
}

const below = (limit: number): Filter__Output => ({
  must: [{ condition: 'range', range: { field: 'price', lt: limit } }],
  should: [],
  mustNot: [],
});

const NO_LISTS = { lists: new BigInt64Array(0), distances: new Float32Array(0) };

describe('a filtered search the shard plans alone', () => {
  it('searches exactly when the matches are within the share, counting them per list', async () => {
    const shard = await shardWithPrices();
    const query = vectorOf(3);
    // 10 of 200 rows match: 5 %, within a 10 % share.
    const result = await shard.search(query, 4, NO_LISTS, { filter: below(10), exactShare: 0.1 });
    expect(result.plannedAlone?.searched).toBe(true);
    expect(result.plannedAlone?.matches.count).toBe(10);
    expect(result.plannedAlone?.matches.rows).toBe(rows);
    expect([...(result.plannedAlone?.matches.perList.values() ?? [])].reduce((a, b) => a + b, 0)).toBe(10);
    expect([...result.labels]).toEqual(nearestAmong(query, 10, 4));
  });

  it('searches nothing and answers the counts when the matches exceed the share', async () => {
    const shard = await shardWithPrices();
    const result = await shard.search(vectorOf(3), 4, NO_LISTS, { filter: below(100), exactShare: 0.1 });
    expect(result.plannedAlone?.searched).toBe(false);
    expect(result.plannedAlone?.matches.count).toBe(100);
    expect(result.labels.length).toBe(0);
  });

  it('answers no hits at all when no row matches', async () => {
    const shard = await shardWithPrices();
    const result = await shard.search(vectorOf(3), 4, NO_LISTS, { filter: below(-1), exactShare: 0.1 });
    expect(result.plannedAlone).toMatchObject({ searched: true, matches: { count: 0, rows } });
    expect(result.labels.length).toBe(0);
  });
});
