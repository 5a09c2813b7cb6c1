import { describe, expect, it } from 'vitest';
import {
  applyMoves,
  MIN_PROBES_PER_LIST,
  planRebalance,
  QUERY_SKEW_TOLERANCE,
  queryWeights,
  skewOf,
} from '../src/placement/query-load-plan.js';
import { ProbeCounts } from '../src/query-load/probe-counts.js';

const NLIST = 64;
const vectors = Array.from({ length: NLIST }, (_, l) => 100 + (l % 5) * 10);
/** Two shards, lists 0–31 and 32–63 (neighbourhoods, as locality placement keeps them). */
const owned = [Array.from({ length: 32 }, (_, l) => l), Array.from({ length: 32 }, (_, l) => l + 32)];

/** Probes of a Zipf(1.1) load whose hot lists all sit on shard 0. */
function hotOnShardZero(total: number): Float64Array {
  const probes = new Float64Array(NLIST);
  let norm = 0;
  for (let r = 0; r < NLIST; r++) norm += 1 / (r + 1) ** 1.1;
  for (let r = 0; r < NLIST; r++) probes[r] = (total / norm) * (1 / (r + 1) ** 1.1);
  return probes;
}

describe('planRebalance', () => {
  it('balances vectors, as before, without probe counts or with too few', () => {
    const plan = planRebalance(vectors, undefined, owned);
    expect(plan.by).toBe('vectors');
    const thin = hotOnShardZero(NLIST * MIN_PROBES_PER_LIST * 0.5);
    expect(planRebalance(vectors, thin, owned).by).toBe('vectors');
  });

  it('balances vectors when the counted queries are even over the lists', () => {
    const even = new Float64Array(NLIST).fill(1000);
    const plan = planRebalance(vectors, even, owned);
    expect(plan.by).toBe('vectors');
    expect(plan.querySkewAfter!).toBeLessThanOrEqual(1 + QUERY_SKEW_TOLERANCE);
  });

  it('moves hot lists off the shard that serves them until the query load is within 5 % of the mean', () => {
    const probes = hotOnShardZero(1e6);
    const plan = planRebalance(vectors, probes, owned);
    expect(plan.by).toBe('queries');
    expect(plan.querySkewBefore!).toBeGreaterThan(1.5);
    // The hottest list leaves shard 0 (a cooler one may come back to even the loads).
    expect(plan.moves.find((m) => m.from === 0 && m.to === 1)?.lists).toContain(0);
    const weights = queryWeights(vectors, probes)!;
    expect(skewOf(weights, applyMoves(owned, plan.moves))).toBeLessThanOrEqual(1.05);
    expect(plan.querySkewAfter!).toBeLessThanOrEqual(1.05);
  });

  it('balances vectors when a shard is empty (a worker that joined), however skewed the queries', () => {
    const probes = hotOnShardZero(1e6);
    const withNewcomer = [...owned, []];
    const plan = planRebalance(vectors, probes, withNewcomer);
    expect(plan.by).toBe('vectors');
    expect(plan.moves.some((m) => m.to === 2)).toBe(true);
  });

  it('gives lists no query asks for a little weight, so they still count', () => {
    const probes = new Float64Array(NLIST);
    probes[0] = 1e6;
    const weights = queryWeights(vectors, probes)!;
    expect(weights[1]).toBeGreaterThan(0);
    expect(weights[0]).toBeGreaterThan(weights[1] * 10);
  });
});

describe('ProbeCounts', () => {
  it('counts each probed list and halves the counts every half-life', () => {
    const counts = new ProbeCounts(4, 1000, 0);
    counts.observe(BigInt64Array.from([0n, 1n, 1n, -1n]), 0);
    expect(Array.from(counts.read(0))).toEqual([1, 2, 0, 0]);
    expect(Array.from(counts.read(1000))).toEqual([0.5, 1, 0, 0]);
    counts.observe(BigInt64Array.from([3n]), 2000);
    expect(Array.from(counts.read(2000))).toEqual([0.25, 0.5, 0, 1]);
  });
});
