import { describe, expect, it } from 'vitest';
import { ProbeCounts } from '../src/query-load/probe-counts.js';

describe('probe counts', () => {
  it('counts each list a search probes, skipping -1 and lists past nlist', () => {
    const counts = new ProbeCounts(4, 1000, 0);
    counts.observe(BigInt64Array.of(0n, 3n, 3n, -1n, 4n, 2n ** 32n + 1n), 0);
    expect([...counts.read(0)]).toEqual([1, 0, 0, 2]);
  });

  it('halves the counts every half-life', () => {
    const counts = new ProbeCounts(2, 1000, 0);
    counts.observe(BigInt64Array.of(1n, 1n, 1n, 1n), 0);
    expect([...counts.read(1000)]).toEqual([0, 2]);
    expect(counts.read(3000)[1]).toBeCloseTo(0.5, 10);
  });
});
