import { describe, expect, it } from 'vitest';
import { assignQueries, centroidsOf, doubtMargin } from '../src/direct/coarse-assignment.js';

// Four centroids on a line in 2-d: distances to a query are easy to reason about.
const line = Float32Array.from([0, 0, 1, 0, 2, 0, 3, 0]);

describe('client coarse assignment', () => {
  it('picks the nprobe nearest centroids, nearest first, for L2', () => {
    const centroids = centroidsOf(line, 2, 'l2');
    const got = assignQueries(centroids, Float32Array.from([2.2, 0, 0.1, 0]), 2);
    expect([...got.lists]).toEqual([2n, 3n, 0n, 1n]);
    expect(got.distances[0]).toBeCloseTo(0.04, 6);
    expect(got.distances[1]).toBeCloseTo(0.64, 6);
    expect([...got.doubtful]).toEqual([0, 0]);
  });

  it('picks the largest inner products for ip', () => {
    const centroids = centroidsOf(Float32Array.from([1, 0, 0, 1, -1, 0]), 2, 'ip');
    const got = assignQueries(centroids, Float32Array.from([0.2, 0.9]), 2);
    expect([...got.lists]).toEqual([1n, 0n]);
    expect(got.distances[0]).toBeCloseTo(0.9, 6);
  });

  it('normalises queries for cosine, so a query’s scale does not change its lists', () => {
    const centroids = centroidsOf(Float32Array.from([1, 0, 0.6, 0.8, 0, 1]), 2, 'cosine');
    const small = assignQueries(centroids, Float32Array.from([0.1, 0.3]), 1);
    const large = assignQueries(centroids, Float32Array.from([100, 300]), 1);
    expect([...small.lists]).toEqual([...large.lists]);
    expect(small.distances[0]).toBeCloseTo(large.distances[0], 6);
    expect(small.distances[0]).toBeLessThanOrEqual(1);
  });

  it('flags a query whose nprobe-th and next centroid are equally near as doubtful', () => {
    const centroids = centroidsOf(line, 2, 'l2');
    // Exactly between centroids 1 and 2: with nprobe 1, either could be FAISS's pick.
    const tie = assignQueries(centroids, Float32Array.from([1.5, 0]), 1);
    expect([...tie.doubtful]).toEqual([1]);
    // Within the margin of the magnitude (|q|² + max |c|² ≈ 11) is a tie too…
    const near = assignQueries(centroids, Float32Array.from([1.5 + 1e-7, 0]), 1);
    expect([...near.doubtful]).toEqual([1]);
    // …but a clear gap is not, and a tie inside the probed set does not matter.
    expect([...assignQueries(centroids, Float32Array.from([1.4, 0]), 1).doubtful]).toEqual([0]);
    expect([...assignQueries(centroids, Float32Array.from([1.5, 0]), 2).doubtful]).toEqual([0]);
  });

  it('never doubts when every list is probed', () => {
    const centroids = centroidsOf(line, 2, 'l2');
    expect([...assignQueries(centroids, Float32Array.from([1.5, 0]), 4).doubtful]).toEqual([0]);
  });

  it('keeps the margin above float32 rounding of long dot products', () => {
    for (const dim of [2, 64, 4096])
      expect(doubtMargin(dim)).toBeGreaterThanOrEqual(2 * (dim + 2) * 2 ** -24);
    expect(doubtMargin(64)).toBeLessThan(1e-4);
  });

  it('refuses an nprobe outside 1..nlist', () => {
    const centroids = centroidsOf(line, 2, 'l2');
    expect(() => assignQueries(centroids, Float32Array.from([0, 0]), 0)).toThrow(RangeError);
    expect(() => assignQueries(centroids, Float32Array.from([0, 0]), 5)).toThrow(RangeError);
  });
});
