import type { Assignment, SearchResult } from '@vecshard/faiss';
import { describe, expect, it } from 'vitest';
import { SearchBatcher } from '../src/search-batcher.js';

const dim = 2;

/** A search whose label for each query row is its first coordinate, so results can be traced back. */
function tracingSearch(calls: number[]) {
  return async (queries: Float32Array, k: number, assignment: Assignment): Promise<SearchResult> => {
    const nq = queries.length / dim;
    expect(assignment.lists.length % nq).toBe(0);
    calls.push(nq);
    await new Promise((r) => setTimeout(r, 5));
    const labels = new BigInt64Array(nq * k);
    for (let q = 0; q < nq; q++) labels.fill(BigInt(queries[q * dim]), q * k, (q + 1) * k);
    return { labels, distances: new Float32Array(nq * k) };
  };
}

function request(first: number, rows: number, nprobe: number) {
  const queries = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) queries[r * dim] = first + r;
  return {
    queries,
    assignment: { lists: new BigInt64Array(rows * nprobe), distances: new Float32Array(rows * nprobe) },
  };
}

describe('SearchBatcher', () => {
  it('merges requests that wait behind a running call and splits the answers back', async () => {
    const calls: number[] = [];
    const batcher = new SearchBatcher(dim, tracingSearch(calls));
    const requests = [request(0, 1, 4), request(10, 2, 4), request(20, 3, 4), request(30, 1, 4)];
    const results = await Promise.all(requests.map((r) => batcher.search(r.queries, 3, r.assignment)));
    // The first call runs alone; the three that arrived meanwhile share the second.
    expect(calls).toEqual([1, 6]);
    requests.forEach((r, i) => {
      const rows = r.queries.length / dim;
      const expected = Array.from({ length: rows * 3 }, (_, j) => BigInt(r.queries[Math.floor(j / 3) * dim]));
      expect([...results[i].labels]).toEqual(expected);
    });
  });

  it('never mixes different k or nprobe in one call', async () => {
    const calls: number[] = [];
    const batcher = new SearchBatcher(dim, tracingSearch(calls));
    const a = request(0, 1, 4);
    const b = request(1, 1, 8);
    const c = request(2, 1, 4);
    await Promise.all([
      batcher.search(a.queries, 3, a.assignment),
      batcher.search(b.queries, 3, b.assignment),
      batcher.search(c.queries, 5, c.assignment),
    ]);
    expect(calls).toEqual([1, 1, 1]);
  });

  it('rejects every request of a failed call', async () => {
    const batcher = new SearchBatcher(dim, async () => {
      throw new Error('device lost');
    });
    const a = request(0, 1, 4);
    await expect(batcher.search(a.queries, 3, a.assignment)).rejects.toThrow('device lost');
  });
});
