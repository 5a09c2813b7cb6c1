import { describe, expect, it } from 'vitest';
import { mergeTopK } from '../src/search/merge-top-k.js';

const hits = (queryIndex: number[], ids: number[], distances: number[]) => ({
  queryIndex: Int32Array.from(queryIndex),
  ids: BigInt64Array.from(ids.map(BigInt)),
  distances: Float32Array.from(distances),
});

describe('mergeTopK', () => {
  it('merges ascending distances for L2, per query', () => {
    const a = hits([0, 1], [1, 2, 10, 11], [0.5, 2, 1, 5]);
    const b = hits([0], [3, 4], [1, 3]);
    const merged = mergeTopK(2, 2, [a, b], false);
    expect([...merged.ids]).toEqual([1n, 3n, 10n, 11n]);
    expect([...merged.distances]).toEqual([0.5, 1, 1, 5]);
  });

  it('merges descending scores for inner product', () => {
    const a = hits([0], [1, 2], [9, 1]);
    const b = hits([0], [3, 4], [5, 4]);
    expect([...mergeTopK(1, 3, [a, b], true).ids]).toEqual([1n, 3n, 4n]);
  });

  it('skips padding and pads short rows with -1', () => {
    const a = hits([0], [7, -1, -1], [2, Infinity, Infinity]);
    const merged = mergeTopK(2, 3, [a], false);
    expect([...merged.ids]).toEqual([7n, -1n, -1n, -1n, -1n, -1n]);
    expect(merged.distances[0]).toBe(2);
    expect(merged.distances[1]).toBe(Infinity);
    expect(mergeTopK(1, 1, [], true).distances[0]).toBe(-Infinity);
  });
});
