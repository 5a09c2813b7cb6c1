import type { Filter__Output } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext } from '../context.js';
import { observeSearchFanOut } from '../metrics.js';
import { askShards, type ShardAnswer, type ShardAnswers } from '../shard-search.js';
import { matchCounts, routeByCounts, type ShardMatches, sumMatches, wholeBatch } from './filtered-routing.js';
import { PlanHints } from './plan-hints.js';
import { choosePlan, exactShare } from './search-plan.js';
import { tenantShardOfFilter } from './tenant-filter.js';

type ReadyCollection = Required<LiveCollection>;

/** A filtered search's request, checked. */
export interface FilteredSearchRequest {
  filter: Filter__Output;
  queries: Float32Array;
  k: number;
  nprobe: number;
  outputFields: string[];
  allowPartial: boolean;
  deadline: number;
}

/** The shards' answers, and how many shards searched (a shard that only counted its matches is not one). */
export interface FilteredAnswers extends ShardAnswers {
  shardsQueried: number;
}

const hints = new PlanHints();

/**
 * A filtered search in as few round trips as the filter allows. Each shard
 * (only the tenant's under a partition key) is first sent the queries with
 * the filter and plans alone: it searches its matches exactly when they are
 * few, or answers just their counts. One round trip serves selective filters
 * and tenants; the coordinator then plans the rest from the counts of every
 * shard (see {@link routeByCounts}) and asks the shards that did not search.
 * A filter whose last search needed IVF is counted first instead, without
 * sending the queries twice.
 */
export async function searchFiltered(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  request: FilteredSearchRequest,
): Promise<FilteredAnswers> {
  const { record } = collection;
  const { filter } = request;
  const only = tenantShardOfFilter(record, filter);
  if (hints.expectsIvf(record.name, filter)) return countThenSearch(ctx, collection, request, only);
  const shards = only === undefined ? record.placement.map((shard) => shard.shard) : [only];
  const nq = request.queries.length / record.dim;
  const none = { lists: new BigInt64Array(0), distances: new Float32Array(0) };
  const first = await askShards(
    ctx,
    record,
    shards.map((shard) => wholeBatch(shard, request.queries, nq, none.lists, none.distances)),
    { ...shardSearchOf(request, false), exactShare: exactShare(request.nprobe, record.nlist) },
    firstRoundDeadline(request),
    request.allowPartial,
  );
  const unsearched = first.answers.filter((answer) => !answer.searched).map((answer) => answer.shard);
  // A shard without a match answers no hits: only counting, it searched nothing.
  const searched = first.answers.filter((answer) => answer.searched && answer.ids.length > 0);
  if (unsearched.length === 0) {
    hints.record(record.name, filter, false);
    observeSearchFanOut(searched);
    return { answers: searched, missingShards: first.missingShards, shardsQueried: searched.length };
  }
  const counts = sumMatches(first.answers.map(matchesOf), record);
  hints.record(record.name, filter, choosePlan(counts, request.nprobe, record.nlist) === 'ivf');
  const route = await routeByCounts(collection, counts, request.queries, request.k, request.nprobe);
  const parts = route.parts.filter((part) => unsearched.includes(part.shard));
  observeSearchFanOut([...searched, ...parts]);
  const second = await askShards(
    ctx,
    record,
    parts,
    shardSearchOf(request, route.exact),
    request.deadline,
    request.allowPartial,
  );
  return {
    answers: [...searched, ...second.answers],
    missingShards: [...first.missingShards, ...second.missingShards],
    shardsQueried: searched.length + parts.length,
  };
}

/** The plan from every shard's counts first (one round trip without the queries), then the search. */
async function countThenSearch(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  request: FilteredSearchRequest,
  only: number | undefined,
): Promise<FilteredAnswers> {
  const { record } = collection;
  const { counts, missingShards } = await matchCounts(
    ctx,
    record,
    request.filter,
    true,
    firstRoundDeadline(request),
    only,
    request.allowPartial,
  );
  hints.record(record.name, request.filter, choosePlan(counts, request.nprobe, record.nlist) === 'ivf');
  const route = await routeByCounts(collection, counts, request.queries, request.k, request.nprobe);
  observeSearchFanOut(route.parts);
  const searched = await askShards(
    ctx,
    record,
    route.parts,
    shardSearchOf(request, route.exact),
    request.deadline,
    request.allowPartial,
  );
  return {
    answers: searched.answers,
    missingShards: [...missingShards, ...searched.missingShards],
    shardsQueried: route.parts.length,
  };
}

/**
 * When the first round must be done by. With allow_partial a hung shard is
 * waited for until then, so it gets half the time left: the shards that did
 * answer keep the other half for the second round.
 */
function firstRoundDeadline(request: FilteredSearchRequest): number {
  if (!request.allowPartial) return request.deadline;
  const now = Date.now();
  return now + Math.max(0, request.deadline - now) / 2;
}

function shardSearchOf(request: FilteredSearchRequest, exact: boolean) {
  return { k: request.k, filter: request.filter, exact, outputFields: request.outputFields };
}

/** A shard's counts from its first answer (a worker that planned alone always sends them). */
function matchesOf(answer: ShardAnswer): ShardMatches {
  if (!answer.matches)
    throw new Error(`shard ${answer.shard} answered a filtered search without its matches`);
  return { shard: answer.shard, matches: answer.matches };
}
