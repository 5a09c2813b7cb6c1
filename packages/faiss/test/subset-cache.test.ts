import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaissIndex, setSubsetCacheBytes, subsetCacheStats } from '../src/index.js';
import { bruteForce, sampleIds } from './brute-force.js';
import { parityProblems } from './result-parity.js';
import { clusteredVectors, sequentialIds } from './synthetic.js';

const dim = 16;
const n = 20_000;
const k = 10;
const base = clusteredVectors(n, dim, 24, 51);
const ids = sequentialIds(n, 3);
const few = clusteredVectors(3, dim, 24, 52);
const many = clusteredVectors(40, dim, 24, 53);
const DEFAULT_BYTES = 64 * 1024 * 1024;

async function filled(): Promise<FaissIndex> {
  const index = FaissIndex.create(dim, 'IVF32,Flat', 'l2');
  await index.train(base);
  await index.add(base, ids);
  return index;
}

/** Brute force over the rows of `vectors` (ids `rowIds`) whose ids are in `subset`. */
function expected(queries: Float32Array, subset: BigInt64Array, vectors = base, rowIds = ids) {
  const wanted = new Set(subset);
  return bruteForce(queries, vectors, rowIds, dim, k, 'l2', (_, row) => wanted.has(rowIds[row]));
}

const delta = (before: { hits: number; misses: number }) => {
  const now = subsetCacheStats();
  return { hits: now.hits - before.hits, misses: now.misses - before.misses };
};

describe('the cache of searched subsets', () => {
  beforeEach(() => setSubsetCacheBytes(DEFAULT_BYTES));
  afterEach(() => setSubsetCacheBytes(DEFAULT_BYTES));

  it('keeps a subset asked for twice and answers from it, equal to brute force', async () => {
    const index = await filled();
    const subset = sampleIds(ids, 0.1, 1);
    const before = subsetCacheStats();
    for (const queries of [few, few, few, many, few]) {
      const result = await index.searchSubset(queries, k, subset);
      expect(parityProblems(expected(queries, subset), result, k)).toEqual([]);
    }
    // The first two miss (the second copies it), the others hit.
    expect(delta(before)).toEqual({ hits: 3, misses: 2 });
    expect(subsetCacheStats().bytes).toBeGreaterThanOrEqual(subset.length * (dim * 4 + 8));
  });

  it('never answers from a copy made before a write: removed and replaced rows are seen at once', async () => {
    const index = await filled();
    const subset = sampleIds(ids, 0.1, 2);
    await index.searchSubset(few, k, subset);
    const cached = await index.searchSubset(few, k, subset);
    // Remove the best hit of the first query, and move the second best far away.
    const [gone, moved] = [cached.labels[0], cached.labels[1]];
    await index.remove(BigInt64Array.of(gone, moved));
    const far = new Float32Array(dim).fill(1000);
    await index.add(far, BigInt64Array.of(moved));

    const before = subsetCacheStats();
    const after = await index.searchSubset(few, k, subset);
    expect(delta(before).hits).toBe(0);
    const labels = [...after.labels.subarray(0, k)];
    expect(labels).not.toContain(gone);
    expect(labels).not.toContain(moved);
    // The truth: the moved row at its new place, the removed one gone.
    const vectors = base.slice();
    vectors.set(far, ids.indexOf(moved) * dim);
    const live = BigInt64Array.from([...subset].filter((id) => id !== gone));
    const truth = expected(few, live, vectors);
    expect([...after.labels]).toEqual([...truth.labels]);
  });

  it('does not answer one index from another index with the same ids', async () => {
    const first = await filled();
    const second = FaissIndex.create(dim, 'IVF32,Flat', 'l2');
    const shifted = base.map((x) => x + 0.5);
    await second.train(shifted);
    await second.add(shifted, ids);
    const subset = sampleIds(ids, 0.1, 3);
    await first.searchSubset(few, k, subset);
    await first.searchSubset(few, k, subset);
    const result = await second.searchSubset(few, k, subset);
    expect(parityProblems(expected(few, subset, shifted), result, k)).toEqual([]);
  });

  it('holds no more than its budget, and nothing at 0 bytes', async () => {
    const index = await filled();
    const budget = 200 * 1024;
    setSubsetCacheBytes(budget);
    for (let seed = 10; seed < 30; seed++) {
      const subset = sampleIds(ids, 0.05, seed);
      await index.searchSubset(few, k, subset);
      const result = await index.searchSubset(few, k, subset);
      expect(parityProblems(expected(few, subset), result, k)).toEqual([]);
      expect(subsetCacheStats().bytes).toBeLessThanOrEqual(budget);
    }
    expect(subsetCacheStats().entries).toBeGreaterThan(0);
    setSubsetCacheBytes(0);
    expect(subsetCacheStats()).toMatchObject({ entries: 0, bytes: 0 });
    const subset = sampleIds(ids, 0.05, 40);
    const before = subsetCacheStats();
    for (let i = 0; i < 3; i++) {
      const result = await index.searchSubset(few, k, subset);
      expect(parityProblems(expected(few, subset), result, k)).toEqual([]);
    }
    expect(subsetCacheStats().entries).toBe(0);
    expect(delta(before)).toEqual({ hits: 0, misses: 0 });
  });

  it('refuses a budget that is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => setSubsetCacheBytes(bad)).toThrow(RangeError);
  });
});
