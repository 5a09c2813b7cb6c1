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
  if (exact) return index.searchSubset(queries, k, matching.idsUnordered());
  if (matching.count === rows) return index.searchPreassigned(queries, k, assignment);
  const include = matching.count <= rows / 2;
  // Built off the event loop: a large set of scattered ids takes a while.
  const filter = include
    ? await FaissIndex.idFilterAsync(matching.idsUnordered(), 'include')
    : await FaissIndex.idFilterAsync(matches.notMatching().idsUnordered(), 'exclude');
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

/** A filter's matches on one shard: how many, of how many rows, and how many per list (empty when not asked for). */
export interface ShardMatchCounts {
  count: number;
  rows: number;
  perList: Map<number, number>;
}

/** What a shard planning a filtered search alone did: its hits when it searched, its matches either way. */
export interface PlannedAlone {
  /** Undefined: the matches are too many to search exactly here; the coordinator plans. */
  result?: SearchResult;
  matches: ShardMatchCounts;
}

const NO_HITS: SearchResult = { labels: new BigInt64Array(0), distances: new Float32Array(0) };

/**
 * The shard's side of a filtered search whose plan the coordinator left to
 * it: when its matching rows are at most `exactShare` of its rows, the exact
 * top-k among them (no hits when none match), in the same call that counts
 * them. Otherwise nothing is searched and the counts go back for the
 * coordinator to plan with. A shard's share of matches under the bound on
 * every shard puts the collection's under it too, so a shard never searches
 * exactly where the coordinator's own plan would not. Counting per list is a
 * pass over the matches, done only when `listCounts` asks for it.
 */
export async function searchIfSelective(
  index: FaissIndex,
  matches: ShardMatches,
  queries: Float32Array,
  k: number,
  exactShare: number,
  listCounts = true,
): Promise<PlannedAlone> {
  const { matching, rows } = matches;
  const counts = { count: matching.count, rows, perList: listCounts ? matching.countByList() : new Map() };
  if (counts.count === 0) return { result: NO_HITS, matches: counts };
  if (counts.count > exactShare * rows) return { matches: counts };
  return { result: await index.searchSubset(queries, k, matching.idsUnordered()), matches: counts };
}
