import type { Filter__Output, ShardQueries } from '@vecshard/proto';
import { splitQueriesByShard } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { choosePlan, type MatchCounts, matchTarget, widenedProbes } from './search-plan.js';
import { tenantShardOfFilter } from './tenant-filter.js';

type ReadyCollection = Required<LiveCollection>;

/** Where a filtered search goes: each shard's queries, and whether shards search their matches exactly. */
export interface FilteredRoute {
  parts: ShardQueries[];
  exact: boolean;
}

/**
 * Counts the filter's matches on every shard (per list), then plans the
 * search: no shard when nothing matches; an exact search of the matches on
 * each shard holding some when they are few; otherwise IVF with nprobe
 * widened per query until its probed lists hold as many matches as an
 * unfiltered search scans rows (at least k), asking only the
 * shards owning probed lists with matches.
 */
export async function routeFiltered(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  filter: Filter__Output,
  queries: Float32Array,
  k: number,
  nprobe: number,
  deadline: number,
): Promise<FilteredRoute> {
  const { record } = collection;
  // A filter that fixes the tenant of a partitioned collection needs its one shard.
  const counts = await matchCounts(ctx, record, filter, true, deadline, tenantShardOfFilter(record, filter));
  const plan = choosePlan(counts, nprobe, record.nlist);
  if (plan === 'none') return { parts: [], exact: false };
  const nq = queries.length / record.dim;
  if (plan === 'exact') {
    const parts = counts.perShard.flatMap((matches, shard) =>
      matches > 0 ? [wholeBatch(shard, queries, nq, new BigInt64Array(0), new Float32Array(0))] : [],
    );
    return { parts, exact: true };
  }
  const target = Math.min(counts.total, matchTarget(counts, k, nprobe, record.nlist));
  const probed = await widenedAssignment(collection, queries, target, nprobe, counts.perList);
  if (record.routing === 'scatter') {
    const parts = counts.perShard.flatMap((matches, shard) =>
      matches > 0 ? [wholeBatch(shard, queries, nq, probed.lists, probed.distances)] : [],
    );
    return { parts, exact: false };
  }
  const parts = splitQueriesByShard(
    queries,
    record.dim,
    probed.probes,
    probed.lists,
    probed.distances,
    collection.owner,
    record.placement.length,
  );
  return { parts, exact: false };
}

/** Ranks lists for each query, wider until every query's probed lists hold `target` matches (or every list is ranked). */
async function widenedAssignment(
  collection: ReadyCollection,
  queries: Float32Array,
  target: number,
  nprobe: number,
  perList: Float64Array,
) {
  const { nlist } = collection.record;
  for (let width = nprobe; ; width = Math.min(nlist, width * 4)) {
    const ranked = await collection.template.assign(queries, width);
    const probed = widenedProbes(ranked.lists, ranked.distances, width, perList, target, nprobe);
    if (probed) return probed;
    if (width >= nlist) throw new Error(`ranking all ${nlist} lists left a query short of its matches`);
  }
}

function wholeBatch(
  shard: number,
  queries: Float32Array,
  nq: number,
  lists: BigInt64Array,
  centroidDistances: Float32Array,
): ShardQueries {
  return {
    shard,
    queryIndex: Int32Array.from({ length: nq }, (_, q) => q),
    queries,
    lists,
    centroidDistances,
  };
}

/** What a shard outside a tenant filter's one shard holds of it. */
const NO_MATCHES = { count: '0', rows: '0', lists: [] as number[], listCounts: [] as string[] };

/**
 * The filter's matches on every shard, from one ready copy of each (no
 * filter: every row). Per list only when asked (planning); Count needs totals.
 */
export async function matchCounts(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  filter: Filter__Output | undefined,
  perList: boolean,
  deadline: number,
  only?: number,
): Promise<MatchCounts> {
  const answers = await Promise.all(
    record.placement.map((shard) =>
      only !== undefined && shard.shard !== only
        ? NO_MATCHES
        : ctx.reads.read(ctx, record.name, shard, (target, signal) =>
            ctx.clients.call(
              target,
              'MatchStats',
              { collection: record.name, shard: shard.shard, filter: filter ?? null, perList },
              deadline,
              signal,
            ),
          ),
    ),
  );
  const counts: MatchCounts = {
    total: 0,
    rows: 0,
    perShard: [],
    perList: new Float64Array(record.nlist),
  };
  for (const answer of answers) {
    const count = Number(answer.count);
    counts.total += count;
    counts.rows += Number(answer.rows);
    counts.perShard.push(count);
    answer.lists.forEach((list, i) => {
      counts.perList[list] += Number(answer.listCounts[i]);
    });
  }
  return counts;
}
