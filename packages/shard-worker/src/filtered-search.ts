import { type Assignment, FaissIndex, type SearchResult } from '@vecshard/faiss';
import type { Filter__Output } from '@vecshard/proto';
import type { RowSet } from './fields/row-set.js';

/** The rows of a shard a filter selects, and (on demand) those it does not. */
export interface ShardMatches {
  matching: RowSet;
  /** Rows the shard holds. */
  rows: number;
  notMatching(): RowSet;
}

/**
 * A filtered search on one shard: only matching rows can come back.
 *
 * - `exact`: the top-k among every matching row of the shard, computed over
 *   just those rows (no inverted lists): the coordinator's plan for a
 *   selective filter, cheaper than any IVF scan and exact.
 * - otherwise the assigned lists are scanned with FAISS's IDSelector, given
 *   as whichever set is smaller: the matching ids or, when most rows match,
 *   the ids that do not; when every row matches, no selector at all.
 */
export async function searchMatching(
  index: FaissIndex,
  matches: ShardMatches,
  queries: Float32Array,
  k: number,
  assignment: Assignment,
  exact = false,
): Promise<SearchResult> {
  const { matching, rows } = matches;
  if (exact) return index.searchSubset(queries, k, matching.ids());
  if (matching.count === rows) return index.searchPreassigned(queries, k, assignment);
  const include = matching.count <= rows / 2;
  // Built off the event loop: a large set of scattered ids takes a while.
  const filter = include
    ? await FaissIndex.idFilterAsync(matching.ids(), 'include')
    : await FaissIndex.idFilterAsync(matches.notMatching().ids(), 'exclude');
  try {
    return await index.searchPreassigned(queries, k, assignment, { filter });
  } finally {
    filter.dispose();
  }
}

/** The filter with its meaning reversed: the rows it does not select. */
export function negated(filter: Filter__Output): Filter__Output {
  return { must: [], should: [], mustNot: [{ condition: 'nested', nested: filter }] };
}
