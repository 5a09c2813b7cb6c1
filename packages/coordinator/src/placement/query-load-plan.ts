import { type ListMove, planListMoves } from './rebalance-plan.js';

/**
 * How far over the mean the busiest shard's query load may be, under the
 * placement that balances vectors, before a Rebalance balances query load
 * instead: below it, even data (memory, and locality's neighbourhoods) wins.
 */
export const QUERY_SKEW_TOLERANCE = 0.25;
/** Decayed probes per list, on average, below which the counts are too thin to plan by. */
export const MIN_PROBES_PER_LIST = 5;
/** A list's weight keeps this share of the mean probes, so lists no query asks for still count a little. */
const COLD_FLOOR = 0.05;

/** What a Rebalance of one collection will do, and by which load. */
export interface RebalancePlan {
  moves: ListMove[];
  by: 'vectors' | 'queries';
  /** Busiest shard's query load over the mean, as placed now and as planned (absent without counts). */
  querySkewBefore?: number;
  querySkewAfter?: number;
}

/**
 * The scan work each list is asked for: its vectors times its probes (plus a
 * small floor), scaled so the weights sum to the vectors; undefined when too
 * few probes were counted to tell.
 */
export function queryWeights(vectors: ArrayLike<number>, probes: ArrayLike<number> | undefined) {
  if (!probes || probes.length !== vectors.length || vectors.length === 0) return undefined;
  let totalProbes = 0;
  for (let l = 0; l < probes.length; l++) totalProbes += probes[l];
  const meanProbes = totalProbes / probes.length;
  if (meanProbes < MIN_PROBES_PER_LIST) return undefined;
  const weights = new Float64Array(vectors.length);
  let totalWeight = 0;
  let totalVectors = 0;
  for (let l = 0; l < vectors.length; l++) {
    weights[l] = vectors[l] * (probes[l] + COLD_FLOOR * meanProbes);
    totalWeight += weights[l];
    totalVectors += vectors[l];
  }
  if (totalWeight === 0) return undefined;
  for (let l = 0; l < weights.length; l++) weights[l] *= totalVectors / totalWeight;
  return weights;
}

/** Busiest shard's summed weight over the mean. */
export function skewOf(weights: ArrayLike<number>, owned: number[][]): number {
  const load = owned.map((lists) => lists.reduce((sum, l) => sum + weights[l], 0));
  const mean = load.reduce((a, b) => a + b, 0) / Math.max(1, load.length);
  return mean === 0 ? 1 : Math.max(...load) / mean;
}

/** `owned` after the moves. */
export function applyMoves(owned: number[][], moves: ListMove[]): number[][] {
  const after = owned.map((lists) => new Set(lists));
  for (const move of moves) {
    for (const list of move.lists) {
      after[move.from].delete(list);
      after[move.to].add(list);
    }
  }
  return after.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Balances vectors, as a Rebalance always did, unless the counted queries
 * would then leave a shard more than QUERY_SKEW_TOLERANCE over the mean
 * query load: then it balances query load (vectors × probes), moving hot
 * lists off the shard that serves them to the coolest. A plan with an empty
 * shard (a new worker's) balances vectors.
 */
export function planRebalance(
  vectors: ArrayLike<number>,
  probes: ArrayLike<number> | undefined,
  owned: number[][],
): RebalancePlan {
  const byVectors = planListMoves(vectors, owned);
  const weights = queryWeights(vectors, probes);
  // A new, empty shard (a worker that joined) takes its share of the vectors first, as it always
  // did; the query load is weighed by the Rebalance after, when the shards are the same.
  if (!weights || owned.some((lists) => lists.length === 0)) return { moves: byVectors, by: 'vectors' };
  const querySkewBefore = skewOf(weights, owned);
  const vectorSkew = skewOf(weights, applyMoves(owned, byVectors));
  if (vectorSkew <= 1 + QUERY_SKEW_TOLERANCE)
    return { moves: byVectors, by: 'vectors', querySkewBefore, querySkewAfter: vectorSkew };
  const byQueries = planListMoves(weights, owned);
  return {
    moves: byQueries,
    by: 'queries',
    querySkewBefore,
    querySkewAfter: skewOf(weights, applyMoves(owned, byQueries)),
  };
}
