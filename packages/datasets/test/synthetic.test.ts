import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/random.js';
import { gaussianMixture, gaussianMixtureBatches } from '../src/synthetic.js';

const options = { count: 400, queries: 50, dim: 8, clusters: 5, noise: 0.1, seed: 7 };

describe('seeded Gaussian mixture', () => {
  it('gives bit-identical data for the same seed and different data for another', () => {
    const a = gaussianMixture(options);
    const b = gaussianMixture(options);
    expect(a.base).toEqual(b.base);
    expect(a.queries).toEqual(b.queries);
    expect(gaussianMixture({ ...options, seed: 8 }).base).not.toEqual(a.base);
  });

  it('gives the same base in batches, one batch at a time', () => {
    const { base } = gaussianMixture(options);
    const batches = [...gaussianMixtureBatches(options, 70)];
    expect(batches.map((b) => b.length / options.dim)).toEqual([70, 70, 70, 70, 70, 50]);
    const joined = new Float32Array(base.length);
    for (const [i, batch] of batches.entries()) joined.set(batch, i * 70 * options.dim);
    expect(joined).toEqual(base);
    expect(() => gaussianMixtureBatches(options, 0).next()).toThrow(RangeError);
  });

  it('keeps the base unchanged when more queries are asked for', () => {
    const few = gaussianMixture(options);
    const many = gaussianMixture({ ...options, queries: 200 });
    expect(many.base).toEqual(few.base);
    expect(many.queries.subarray(0, few.queries.length)).toEqual(few.queries);
    expect(few.queries).not.toEqual(few.base.subarray(0, few.queries.length));
  });

  it('puts every vector at one of `clusters` centres when there is no noise', () => {
    const { base } = gaussianMixture({ ...options, noise: 0 });
    const rows = new Set<string>();
    for (let i = 0; i < options.count; i++) rows.add(base.subarray(i * 8, i * 8 + 8).join(','));
    expect(rows.size).toBeLessThanOrEqual(options.clusters);
    expect(rows.size).toBeGreaterThan(1);
  });

  it('spreads vectors around their centre by the noise level', () => {
    const { base: centred } = gaussianMixture({ ...options, count: 2000, noise: 0 });
    const { base: noisy } = gaussianMixture({ ...options, count: 2000, noise: 0.5 });
    // Same stream of centre choices, so the difference is pure noise: its standard deviation is 0.5.
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < noisy.length; i++) {
      const d = noisy[i] - centred[i];
      sum += d;
      squares += d * d;
    }
    const mean = sum / noisy.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.sqrt(squares / noisy.length - mean * mean)).toBeCloseTo(0.5, 1);
  });

  it('rejects a mixture it cannot draw', () => {
    expect(() => gaussianMixture({ ...options, clusters: 0 })).toThrow(/clusters/);
    expect(() => gaussianMixture({ ...options, dim: 0 })).toThrow(/dimension/);
  });
});

describe('seeded random source', () => {
  it('repeats its stream for a seed and stays in range', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const ints = Array.from({ length: 1000 }, () => a.int(5));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});
