import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../src/index.js';
import { parityProblems } from './result-parity.js';

// The comparison the build-parity test relies on must be able to fail.
const k = 3;
function result(labels: number[], distances: number[]): SearchResult {
  return { labels: BigInt64Array.from(labels.map(BigInt)), distances: Float32Array.from(distances) };
}
const reference = result([7, 3, 9, 1, 2, 5], [1.0, 2.0, 3.0, -5.0, -4.0, -3.0]);

describe('parityProblems', () => {
  it('accepts identical results and rounding-sized distance differences', () => {
    expect(parityProblems(reference, reference, k)).toEqual([]);
    const rounded = result([7, 3, 9, 1, 2, 5], [1.0000001, 2.0, 3.0000002, -5.0, -4.0000001, -3.0]);
    expect(parityProblems(reference, rounded, k)).toEqual([]);
  });

  it('accepts two ids swapped where their distances tie', () => {
    const tied = result([7, 3, 9, 1, 2, 5], [1.0, 2.0, 2.0, -5.0, -4.0, -3.0]);
    const swapped = result([7, 9, 3, 1, 2, 5], [1.0, 2.0, 2.0, -5.0, -4.0, -3.0]);
    expect(parityProblems(tied, swapped, k)).toEqual([]);
  });

  it('reports a distance that differs beyond rounding', () => {
    const perturbed = result([7, 3, 9, 1, 2, 5], [1.0, 2.0, 3.0, -5.0, -4.01, -3.0]);
    expect(parityProblems(reference, perturbed, k)).toEqual([
      'query 1 rank 1: distance -4 vs -4.010000228881836',
    ]);
  });

  it('reports a different id where the distances do not tie', () => {
    const perturbed = result([7, 3, 9, 1, 4, 5], [1.0, 2.0, 3.0, -5.0, -4.0002, -3.0]);
    expect(parityProblems(reference, perturbed, k)).toHaveLength(1);
    expect(parityProblems(reference, perturbed, k)[0]).toMatch(/query 1 rank 1: id 2 vs 4/);
  });

  it('reports a missing result and a count mismatch', () => {
    const missing = result([7, 3, -1, 1, 2, 5], [1.0, 2.0, Number.POSITIVE_INFINITY, -5.0, -4.0, -3.0]);
    expect(parityProblems(reference, missing, k)).toHaveLength(1);
    expect(parityProblems(reference, result([7], [1]), k)).toEqual(['6 vs 1 results']);
  });
});
