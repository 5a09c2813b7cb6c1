import {
  decodeFloats,
  encodeArray,
  type Filter__Output,
  isPlacementMoved,
  type ShardQueries,
  type WorkerMatchStatsResponse__Output,
} from '@vecshard/proto';
import type { CollectionRecord } from './collection-record.js';
import type { CoordinatorContext } from './context.js';
import type { ShardHitsWithFields } from './filters/hit-fields.js';
import { decodeIdList } from './validation.js';

/** What every shard of one search is asked besides its queries. */
export interface ShardSearch {
  k: number;
  filter?: Filter__Output;
  /** Search the shard's matching rows exactly (the plan for a selective filter). */
  exact: boolean;
  outputFields: string[];
  /** With a filter and no lists: the shard plans alone, exact up to this share of matching rows. */
  exactShare?: number;
}

/** One shard's answer: its hits, and when it planned alone, its matches and whether it searched. */
export interface ShardAnswer extends ShardHitsWithFields {
  shard: number;
  matches: WorkerMatchStatsResponse__Output | null;
  searched: boolean;
}

/** The answers of the shards asked; with `allowPartial`, the shards none of whose copies answered. */
export interface ShardAnswers {
  answers: ShardAnswer[];
  missingShards: number[];
}

/**
 * Asks each part's shard at once. A shard that fails fails the search,
 * unless `allowPartial`: then it is named among the missing shards (a moved
 * placement still fails it, to be routed again).
 */
export async function askShards(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  parts: ShardQueries[],
  search: ShardSearch,
  deadline: number,
  allowPartial: boolean,
): Promise<ShardAnswers> {
  const settled = await Promise.allSettled(
    parts.map((part) => searchShard(ctx, record, part, search, deadline)),
  );
  const answers: ShardAnswer[] = [];
  const missingShards: number[] = [];
  settled.forEach((answer, i) => {
    if (answer.status === 'fulfilled') answers.push(answer.value);
    else if (allowPartial && !isPlacementMoved(answer.reason)) missingShards.push(parts[i].shard);
    else throw answer.reason;
  });
  return { answers, missingShards };
}

/** One shard's part of a search, from one of its ready copies. */
async function searchShard(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  part: ShardQueries,
  search: ShardSearch,
  deadline: number,
): Promise<ShardAnswer> {
  const request = {
    collection: record.name,
    shard: part.shard,
    queries: encodeArray(part.queries),
    k: search.k,
    lists: encodeArray(part.lists),
    centroidDistances: encodeArray(part.centroidDistances),
    filter: search.filter ?? null,
    exact: search.exact,
    outputFields: search.outputFields,
    exactShare: search.exactShare ?? 0,
  };
  const answer = await ctx.reads.read(ctx, record.name, record.placement[part.shard], (target, signal) =>
    ctx.clients.call(target, 'SearchPreassigned', request, deadline, signal),
  );
  return {
    shard: part.shard,
    queryIndex: part.queryIndex,
    ids: decodeIdList(answer.ids, 'shard result ids'),
    distances: decodeFloats(answer.distances, 'shard result distances'),
    fields: answer.fields,
    matches: answer.matches,
    searched: answer.searched,
  };
}
