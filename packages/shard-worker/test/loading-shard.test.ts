import { FaissIndex } from '@vecshard/faiss';
import { describe, expect, it } from 'vitest';
import { ShardCollection } from '../src/shard-collection.js';

// A shard being refilled takes its lists and writes but answers no search
// until it is complete, so no search sees half of it.
const dim = 8;
const nlist = 4;

async function template(): Promise<Uint8Array> {
  const index = FaissIndex.create(dim, `IVF${nlist},Flat`, 'l2');
  const sample = Float32Array.from({ length: 400 * dim }, (_, i) => Math.sin(i * 0.37) * 10);
  await index.train(sample);
  return index.serialize();
}

describe('a loading shard', () => {
  it('refuses searches with UNAVAILABLE until loading finishes, and takes writes meanwhile', async () => {
    const shard = await ShardCollection.attach('c', 3, await template(), 'l2', [0, 1, 2, 3]);
    shard.setLoading(true);
    const vector = Float32Array.from({ length: dim }, (_, i) => i);
    await shard.add(BigInt64Array.from([42n]), vector, BigInt64Array.from([2n]), new BigInt64Array(0));
    const assignment = { lists: BigInt64Array.from([0n, 1n, 2n, 3n]), distances: new Float32Array(4) };
    const refused = await shard.search(vector, 1, assignment).catch((error) => error);
    expect(refused.code).toBe(14); // UNAVAILABLE
    expect(refused.message).toMatch(/collection "c" is loading: shard 3/);
    expect(shard.stats().loading).toBe(true);

    shard.setLoading(false);
    const found = await shard.search(vector, 1, assignment);
    expect(found.labels[0]).toBe(42n);
    expect(shard.stats().loading).toBe(false);
  });
});

describe('a search routed by an old placement', () => {
  it('is refused, naming the list, instead of silently missing the list’s vectors', async () => {
    const shard = await ShardCollection.attach('c', 1, await template(), 'l2', [0, 1, 2, 3]);
    await shard.setLists([0, 1]);
    const query = Float32Array.from({ length: dim }, (_, i) => i);
    const refused = await shard
      .search(query, 1, { lists: BigInt64Array.from([0n, 3n]), distances: new Float32Array(2) })
      .catch((error) => error);
    expect(refused.code).toBe(9); // FAILED_PRECONDITION
    expect(refused.message).toMatch(/placement moved: list 3 of "c" is not owned by shard 1/);
    // Lists it owns, and -1 for lists another shard owns, are fine.
    await expect(
      shard.search(query, 1, { lists: BigInt64Array.from([0n, -1n]), distances: new Float32Array(2) }),
    ).resolves.toBeDefined();
  });
});
