import { exactShare } from '@vecshard/proto';

/**
 * How a filtered search runs, decided from the exact number of matching rows
 * (every shard counts its matches per list from its bitmaps first). Pure, so
 * the choice is unit-tested apart from the cluster.
 */

/** The matches of a filter over the collection: per shard, and per inverted list over every shard. */
export interface MatchCounts {
  /** Rows matching, over every shard. */
  total: number;
  /** Rows held, over every shard. */
  rows: number;
  /** Matching rows per shard (by shard number). */
  perShard: number[];
  /** Matching rows per inverted list (nlist entries). */
  perList: Float64Array;
}

export type FilteredPlanKind = 'none' | 'exact' | 'ivf';

// The exact plan's bound, shared with workers and one-hop clients (which apply it per shard).
export { EXACT_OVER_SCANNED, EXACT_SELECTIVITY, exactShare } from '@vecshard/proto';

/** Rows an unfiltered search at `nprobe` reads, on average. */
export function scannedRows(rows: number, nprobe: number, nlist: number): number {
  return (rows * nprobe) / nlist;
}

/**
 * - no row matches → no shard is asked;
 * - the matches are at most 1 % of the rows, or at most
 *   {@link EXACT_OVER_SCANNED} times the rows an unfiltered search scans →
 *   each shard holding matches compares the queries with just its matching
 *   rows: exact, and no dearer than the IVF search it replaces;
 * - otherwise → IVF over the probed lists with the matches as a selector,
 *   nprobe widened per query (see {@link widenedProbes}).
 */
export function choosePlan(counts: MatchCounts, nprobe: number, nlist: number): FilteredPlanKind {
  if (counts.total === 0) return 'none';
  return counts.total <= exactShare(nprobe, nlist) * counts.rows ? 'exact' : 'ivf';
}

/**
 * How many matching rows a query's probed lists must hold: as many as the
 * rows an unfiltered search at nprobe scans (and at least k). The filtered
 * search then looks as deep into the matches as an unfiltered one looks into
 * all rows, which is what keeps its recall at the unfiltered recall: probing
 * only until k matches are in reach finds k matches, not the k nearest
 * (measured: recall 0.59 for a filter that follows the clusters, 0.88 at 10 %).
 */
export function matchTarget(counts: MatchCounts, k: number, nprobe: number, nlist: number): number {
  return Math.max(k, Math.ceil(scannedRows(counts.rows, nprobe, nlist)));
}

/**
 * The lists each query probes under a filter: at least the `nprobe` nearest,
 * then more, nearest first, until the probed lists hold at least `target`
 * matching rows (at least k, so every query gets min(k, matches) results;
 * see {@link matchTarget}), from a ranking of
 * `width` lists per query (`ranked`, as FAISS's assign returns them, -1 past
 * the last). Lists without a match are masked as -1: their shards need not
 * be asked. Resolves to the lists, `probes` entries per query, or to
 * undefined when some query needs more than the ranking holds (rank wider).
 */
export function widenedProbes(
  ranked: BigInt64Array,
  distances: Float32Array,
  width: number,
  perList: Float64Array,
  target: number,
  nprobe: number,
): { lists: BigInt64Array; distances: Float32Array; probes: number } | undefined {
  const nq = ranked.length / width;
  const needed = new Int32Array(nq);
  let probes = 0;
  for (let q = 0; q < nq; q++) {
    const found = probesFor(ranked, q * width, width, perList, target, nprobe);
    if (found === undefined) return undefined;
    needed[q] = found;
    probes = Math.max(probes, found);
  }
  const lists = new BigInt64Array(nq * probes).fill(-1n);
  const kept = new Float32Array(nq * probes);
  for (let q = 0; q < nq; q++) {
    for (let j = 0; j < needed[q]; j++) {
      const list = ranked[q * width + j];
      kept[q * probes + j] = distances[q * width + j];
      if (list >= 0n && perList[Number(list)] > 0) lists[q * probes + j] = list;
    }
  }
  return { lists, distances: kept, probes };
}

/** Lists query `at` must probe, or undefined when the first `width` hold fewer than `target` matches and more exist. */
function probesFor(
  ranked: BigInt64Array,
  at: number,
  width: number,
  perList: Float64Array,
  target: number,
  nprobe: number,
): number | undefined {
  let matches = 0;
  for (let j = 0; j < width; j++) {
    const list = ranked[at + j];
    // The ranking ended: every list is in it.
    if (list < 0n) return j;
    matches += perList[Number(list)];
    if (j + 1 >= nprobe && matches >= target) return j + 1;
  }
  return width >= perList.length ? width : undefined;
}
