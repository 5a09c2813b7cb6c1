import type { Filter__Output, ShardQueries, WorkerMatchStatsResponse__Output } from '@vecshard/proto';
import { splitQueriesByShard } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { choosePlan, type MatchCounts, matchTarget, widenedProbes } from './search-plan.js';

type ReadyCollection = Required<LiveCollection>;

/** Where a filtered search goes: each shard's queries, and whether shards search their matches exactly. */
export interface FilteredRoute {
  parts: ShardQueries[];
  exact: boolean;
}

/**
 * Plans a filtered search from the filter's matches on every shard: no
 * shard when nothing matches; an exact search of the matches on each shard
 * holding some when they are few; otherwise IVF with nprobe widened per
 * query until its probed lists hold as many matches as an unfiltered search
 * scans rows (at least k), asking only the shards owning probed lists with
 * matches.
 */
export async function routeByCounts(
  collection: ReadyCollection,
  counts: MatchCounts,
  queries: Float32Array,
  k: number,
  nprobe: number,
): Promise<FilteredRoute> {
  const { record } = collection;
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

/** Every query of the batch for one shard, with the given lists (none: the shard needs none). */
export function wholeBatch(
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

/** The filter's matches on the shards that answered, and the shards none of whose copies did (allowPartial). */
export interface CountedMatches {
  counts: MatchCounts;
  missingShards: number[];
}

/**
 * The filter's matches on every shard, from one ready copy of each (no
 * filter: every row). Per list only when asked (planning); Count needs
 * totals. `only`: the one shard a tenant filter confines the request to.
 * With `allowPartial`, a shard no copy of which answers counts as holding
 * nothing and is named.
 */
export async function matchCounts(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  filter: Filter__Output | undefined,
  perList: boolean,
  deadline: number,
  only?: number,
  allowPartial = false,
): Promise<CountedMatches> {
  const shards = only === undefined ? record.placement : [record.placement[only]];
  const settled = await Promise.allSettled(
    shards.map((shard) =>
      ctx.reads.read(ctx, record.name, shard, (target, signal) =>
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
  const answers: ShardMatches[] = [];
  const missingShards: number[] = [];
  settled.forEach((answer, i) => {
    if (answer.status === 'fulfilled') answers.push({ shard: shards[i].shard, matches: answer.value });
    else if (allowPartial) missingShards.push(shards[i].shard);
    else throw answer.reason;
  });
  return { counts: sumMatches(answers, record), missingShards };
}

/** One shard's matches, as its worker answered them. */
export interface ShardMatches {
  shard: number;
  matches: WorkerMatchStatsResponse__Output;
}

/** The matches of the shards given, over the collection (shards not given hold none). */
export function sumMatches(answers: readonly ShardMatches[], record: CollectionRecord): MatchCounts {
  const counts: MatchCounts = {
    total: 0,
    rows: 0,
    perShard: new Array<number>(record.placement.length).fill(0),
    perList: new Float64Array(record.nlist),
  };
  for (const { shard, matches } of answers) {
    const count = Number(matches.count);
    counts.total += count;
    counts.rows += Number(matches.rows);
    counts.perShard[shard] += count;
    matches.lists.forEach((list, i) => {
      counts.perList[list] += matches.listCounts[i];
    });
  }
  return counts;
}
