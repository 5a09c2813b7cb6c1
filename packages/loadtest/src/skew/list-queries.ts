import { SeededRandom } from '@vecshard/datasets';
import { ZipfRanks } from './zipf.js';

/** Candidate queries grouped by their nearest list: the rows of `pool` whose nearest centroid is each list. */
export function bucketByList(nearest: BigInt64Array, nlist: number): number[][] {
  const buckets = Array.from({ length: nlist }, () => [] as number[]);
  nearest.forEach((list, row) => {
    if (list >= 0n) buckets[Number(list)].push(row);
  });
  return buckets;
}

/**
 * How each query picks its list: uniformly, or by Zipf rank over an order of
 * the lists: a seeded shuffle (hot lists anywhere), or by distance from one
 * seeded list's centroid (a hot neighbourhood: the hottest lists are
 * neighbours, as under one trending topic, the case locality placement
 * concentrates on one worker).
 */
export type ListLaw =
  | { kind: 'zipf'; exponent: number; order: 'shuffled' | 'neighbourhood' }
  | { kind: 'uniform' };

/** Hot-list orders the bench measures. */
export type HotOrder = 'shuffled' | 'neighbourhood';

/**
 * `count` queries whose nearest list follows the law: for each, a list is
 * drawn (lists with no candidate are left out of the law) and one of its
 * candidates is taken at random. The Zipf ranks go to the lists in a seeded
 * random order, so the hot lists fall where they fall, not on list 0's
 * neighbourhood. Returns the queries and the hot list of each.
 */
export function queriesByListLaw(
  pool: Float32Array,
  dim: number,
  buckets: number[][],
  law: ListLaw,
  count: number,
  seed: number,
  centroids: Float32Array,
): { queries: Float32Array; lists: Int32Array } {
  const random = new SeededRandom(seed);
  const lists = buckets.map((rows, list) => (rows.length > 0 ? list : -1)).filter((l) => l >= 0);
  // Fisher–Yates with its own stream: the same hot lists whatever the count.
  const order = new SeededRandom(seed ^ 0x5bd1e995);
  for (let i = lists.length - 1; i > 0; i--) {
    const j = order.int(i + 1);
    [lists[i], lists[j]] = [lists[j], lists[i]];
  }
  if (law.kind === 'zipf' && law.order === 'neighbourhood') byDistanceFrom(lists, lists[0], centroids, dim);
  const zipf = law.kind === 'zipf' ? new ZipfRanks(lists.length, law.exponent) : undefined;
  const queries = new Float32Array(count * dim);
  const hot = new Int32Array(count);
  for (let q = 0; q < count; q++) {
    const list = lists[zipf ? zipf.draw(random) : random.int(lists.length)];
    const rows = buckets[list];
    const row = rows[random.int(rows.length)];
    queries.set(pool.subarray(row * dim, (row + 1) * dim), q * dim);
    hot[q] = list;
  }
  return { queries, lists: hot };
}

/** Sorts `lists` in place by their centroid's squared distance from `from`'s. */
function byDistanceFrom(lists: number[], from: number, centroids: Float32Array, dim: number): void {
  const distance = (list: number) => {
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const diff = centroids[list * dim + d] - centroids[from * dim + d];
      sum += diff * diff;
    }
    return sum;
  };
  const key = new Map(lists.map((l) => [l, distance(l)]));
  lists.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
}
