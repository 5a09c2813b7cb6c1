import type { SearchResult } from '@vecshard/faiss';

/** Relative slack on the k-th true distance: FAISS's kernels sum in different orders. */
const DISTANCE_SLACK = 1e-5;

export interface FilteredRecall {
  /** Mean over queries of hits / min(k, matching rows). */
  recall: number;
  /** Returned ids that do not match the filter (must be 0). */
  violations: number;
}

/**
 * recall@k against the exact top-k of the matching rows. A returned matching
 * row counts as a hit when it is among the true k or no farther than the
 * k-th true neighbour: rows at the same distance (duplicate images in
 * Fashion-MNIST) are equally right, whichever of them a search keeps. A query
 * with fewer than k matches in all is scored on the ones there are.
 */
export function filteredRecall(
  found: SearchResult,
  truth: SearchResult,
  k: number,
  allowed: Uint8Array,
): FilteredRecall {
  const queries = truth.labels.length / k;
  let total = 0;
  let violations = 0;
  for (let q = 0; q < queries; q++) {
    const scored = queryRecall(found, truth, q, k, allowed);
    total += scored.recall;
    violations += scored.violations;
  }
  return { recall: queries === 0 ? 1 : total / queries, violations };
}

function queryRecall(found: SearchResult, truth: SearchResult, q: number, k: number, allowed: Uint8Array) {
  const expected = new Set<bigint>();
  let kth = Number.NEGATIVE_INFINITY;
  for (let i = q * k; i < (q + 1) * k; i++) {
    if (truth.labels[i] < 0n) break;
    expected.add(truth.labels[i]);
    kth = truth.distances[i];
  }
  if (expected.size === 0) return { recall: 1, violations: 0 };
  const limit = kth + Math.abs(kth) * DISTANCE_SLACK;
  const seen = new Set<bigint>();
  let hits = 0;
  let violations = 0;
  for (let i = q * k; i < (q + 1) * k; i++) {
    const id = found.labels[i];
    if (id < 0n || seen.has(id)) continue;
    seen.add(id);
    if (id >= BigInt(allowed.length) || !allowed[Number(id)]) violations++;
    else if (expected.has(id) || found.distances[i] <= limit) hits++;
  }
  return { recall: Math.min(1, hits / expected.size), violations };
}

/** A byte per row, 1 where the row matches: the check of every returned id. */
export function matchMask(matches: BigInt64Array, rows: number): Uint8Array {
  const mask = new Uint8Array(rows);
  for (const row of matches) mask[Number(row)] = 1;
  return mask;
}
