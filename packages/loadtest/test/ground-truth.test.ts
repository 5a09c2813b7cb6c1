import { existsSync, statSync } from 'node:fs';
import { type Dataset, gaussianMixture, writeIvecs } from '@vecshard/datasets';
import { describe, expect, it } from 'vitest';
import { groundTruth, groundTruthCacheFile } from '../src/ground-truth.js';
import { batchRecall, queryRecall } from '../src/recall.js';
import { tempDir } from './temp-dir.js';

const DIM = 6;

function dataset(seed: number): Dataset {
  const { base, queries } = gaussianMixture({
    count: 300,
    queries: 20,
    dim: DIM,
    clusters: 4,
    noise: 1,
    seed,
  });
  return { name: `test-${seed}`, dim: DIM, count: 300, base, queryCount: 20, queries };
}

/** The k nearest rows by squared L2, by brute force in plain JavaScript. */
function bruteForce(data: Dataset, k: number): number[][] {
  return Array.from({ length: data.queryCount }, (_, q) => {
    const distances = Array.from({ length: data.count }, (_, row) => {
      let d = 0;
      for (let i = 0; i < DIM; i++) d += (data.queries[q * DIM + i] - data.base[row * DIM + i]) ** 2;
      return { row, d };
    });
    return distances
      .sort((a, b) => a.d - b.d)
      .slice(0, k)
      .map((x) => x.row);
  });
}

describe('ground truth', () => {
  it('is the exact nearest neighbours', async () => {
    const data = dataset(1);
    const truth = await groundTruth(data, { k: 5, cacheDir: tempDir() });
    expect(truth.k).toBe(5);
    const expected = bruteForce(data, 5);
    for (let q = 0; q < data.queryCount; q++) {
      expect([...truth.ids.subarray(q * 5, q * 5 + 5)].sort()).toEqual([...expected[q]].sort());
    }
  });

  it('is cached on disk under a hash of the data and read from there next time', async () => {
    const cacheDir = tempDir();
    const data = dataset(2);
    const first = await groundTruth(data, { k: 3, cacheDir });
    const file = groundTruthCacheFile(data, 3, 'l2', cacheDir);
    expect(existsSync(file)).toBe(true);
    // Overwrite the cache entry: a cached read returns what the file says, not a recomputation.
    const planted = Int32Array.from({ length: data.queryCount * 3 }, (_, i) => i);
    writeIvecs(file, planted, 3);
    const modified = statSync(file).mtimeMs;
    expect((await groundTruth(data, { k: 3, cacheDir })).ids).toEqual(planted);
    expect(statSync(file).mtimeMs).toBe(modified);
    expect(first.ids).not.toEqual(planted);
  });

  it('uses a different cache entry for other data, k or metric', () => {
    const a = dataset(3);
    const b = dataset(4);
    const file = groundTruthCacheFile(a, 10, 'l2', '/cache');
    expect(groundTruthCacheFile(b, 10, 'l2', '/cache')).not.toBe(file);
    expect(groundTruthCacheFile(a, 5, 'l2', '/cache')).not.toBe(file);
    expect(groundTruthCacheFile(a, 10, 'ip', '/cache')).not.toBe(file);
    expect(groundTruthCacheFile(dataset(3), 10, 'l2', '/cache')).toBe(file);
  });

  it('prefers ground truth the dataset came with', async () => {
    const data = {
      ...dataset(5),
      queryCount: 2,
      groundTruth: { ids: Int32Array.from([9, 8, 7, 6, 5, 4]), k: 3 },
    };
    const truth = await groundTruth(data, { k: 2, cacheDir: tempDir() });
    expect([...truth.ids]).toEqual([9, 8, 6, 5]);
  });
});

describe('recall@k', () => {
  const truth = { ids: Int32Array.from([1, 2, 3, 4, 5, 6]), k: 3 };

  it('counts true neighbours found, in any order, ignoring missing results', () => {
    expect(queryRecall(BigInt64Array.from([3n, 1n, 2n]), 0, truth, 0, 3)).toBe(1);
    expect(queryRecall(BigInt64Array.from([1n, 9n, -1n]), 0, truth, 0, 3)).toBeCloseTo(1 / 3);
    expect(batchRecall(BigInt64Array.from([1n, 2n, 3n, 7n, 8n, 9n]), 3, truth)).toBeCloseTo(0.5);
    expect(batchRecall(BigInt64Array.from([4n, 5n, 0n]), 3, truth, 1)).toBeCloseTo(2 / 3);
  });

  it('refuses k beyond the ground truth', () => {
    expect(() => queryRecall(BigInt64Array.from([1n, 2n, 3n, 4n]), 0, truth, 0, 4)).toThrow(/at least 4/);
  });
});
