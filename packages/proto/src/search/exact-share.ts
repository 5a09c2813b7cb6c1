// How selective a filter must be for its matches to be searched exactly.

/**
 * Selectivity up to which every filtered search is exact, whatever nprobe:
 * the matching rows are few enough to compare each query with all of them.
 */
export const EXACT_SELECTIVITY = 0.01;

/**
 * How many times the rows an unfiltered search scans the matches may number
 * and still be searched exactly. A filtered IVF search computes distances to
 * as many matching rows as an unfiltered one scans (see the coordinator's matchTarget),
 * and on top checks the selector on every row of the wider set of lists it
 * probes; an exact search computes distances to every match, in dense
 * batches. Measured (`npm run bench:filtered`, bench/results/filtered.md):
 * with 1000-query batches exact search over the matches ran 2.7–5.8× faster
 * than IVF with a selector at 10 % selectivity and 4.3× at 50 % (200k × 128,
 * nprobe 48 of 512 lists, where the matches are 5.3× the scanned rows).
 */
export const EXACT_OVER_SCANNED = 4;

/**
 * The share of rows up to which matches are searched exactly (see the
 * coordinator's choosePlan). A shard may apply it to its own rows: when every
 * shard's matches are under it, so are the collection's.
 */
export function exactShare(nprobe: number, nlist: number): number {
  return Math.max(EXACT_SELECTIVITY, (EXACT_OVER_SCANNED * nprobe) / nlist);
}
