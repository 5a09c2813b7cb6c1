import { describe, expect, it } from 'vitest';
import {
  choosePlan,
  EXACT_OVER_SCANNED,
  exactShare,
  type MatchCounts,
  matchTarget,
  widenedProbes,
} from '../src/filters/search-plan.js';

/** Counts of a collection with `rows` rows spread evenly over `nlist` lists, `matches` of them matching. */
function counts(rows: number, matches: number, perList: number[]): MatchCounts {
  return { total: matches, rows, perShard: [matches], perList: Float64Array.from(perList) };
}

describe('choosePlan', () => {
  const nlist = 100;
  const even = (total: number) => Array.from({ length: nlist }, () => total / nlist);

  it('asks no shard when nothing matches', () => {
    expect(choosePlan(counts(100_000, 0, even(0)), 4, nlist)).toBe('none');
  });

  it('searches the matches exactly up to 1 % of the rows, whatever nprobe', () => {
    // nprobe 1 of 1,000 lists scans 100 rows: the 1 % rule is the one that decides.
    expect(choosePlan(counts(100_000, 1000, even(1000)), 1, 1000)).toBe('exact');
    expect(choosePlan(counts(100_000, 1001, even(1001)), 1, 1000)).toBe('ivf');
  });

  it('searches exactly while the matches are at most EXACT_OVER_SCANNED times the rows IVF scans', () => {
    // nprobe 5 of 100 lists scans 5,000 of 100,000 rows.
    const limit = EXACT_OVER_SCANNED * 5000;
    expect(choosePlan(counts(100_000, limit, even(limit)), 5, nlist)).toBe('exact');
    expect(choosePlan(counts(100_000, limit + 1, even(limit + 1)), 5, nlist)).toBe('ivf');
  });

  it('gives shards a share under which their own exact search never contradicts the plan', () => {
    expect(exactShare(1, 1000)).toBe(0.01);
    expect(exactShare(5, nlist)).toBe(EXACT_OVER_SCANNED * 0.05);
    // Two shards each within the share: the collection is too, so the plan is exact.
    const share = exactShare(5, nlist);
    const shards = [
      { rows: 30_000, matches: Math.floor(share * 30_000) },
      { rows: 70_000, matches: Math.floor(share * 70_000) },
    ];
    const total = shards.reduce((sum, shard) => sum + shard.matches, 0);
    expect(choosePlan(counts(100_000, total, even(total)), 5, nlist)).toBe('exact');
  });

  it('aims the probed lists at as many matches as an unfiltered search scans rows, at least k', () => {
    expect(matchTarget(counts(100_000, 50_000, even(50_000)), 10, 5, nlist)).toBe(5000);
    expect(matchTarget(counts(1000, 500, even(500)), 10, 1, nlist)).toBe(10);
  });
});

describe('widenedProbes', () => {
  // Two queries ranking 6 lists; lists 0..5 hold these matches.
  const perList = Float64Array.from([0, 3, 0, 5, 2, 4]);
  const ranked = BigInt64Array.from([1n, 0n, 2n, 3n, 4n, 5n, 5n, 4n, 3n, 2n, 1n, 0n]);
  const distances = Float32Array.from([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);

  it('probes at least nprobe lists, then nearer ones until the target is in reach, masking lists without matches', () => {
    const probed = widenedProbes(ranked, distances, 6, perList, 7, 2)!;
    // Query 0: lists 1 (3), 0 (0), 2 (0), 3 (5) → 8 ≥ 7 after 4 lists. Query 1: 5 (4), 4 (2) → 6, then 3 → 11.
    expect(probed.probes).toBe(4);
    expect([...probed.lists]).toEqual([1n, -1n, -1n, 3n, 5n, 4n, 3n, -1n]);
    expect([...probed.distances]).toEqual([1, 2, 3, 4, 1, 2, 3, 0]);
  });

  it('keeps nprobe when its lists already hold the target', () => {
    const probed = widenedProbes(ranked, distances, 6, perList, 3, 2)!;
    expect(probed.probes).toBe(2);
    expect([...probed.lists]).toEqual([1n, -1n, 5n, 4n]);
  });

  it('asks for a wider ranking when the ranked lists fall short, and stops at every list', () => {
    expect(widenedProbes(ranked.subarray(0, 4), distances.subarray(0, 4), 2, perList, 7, 2)).toBeUndefined();
    // Every list ranked: the whole ranking, even short of the target.
    const all = widenedProbes(ranked, distances, 6, perList, 100, 2)!;
    expect(all.probes).toBe(6);
  });
});
