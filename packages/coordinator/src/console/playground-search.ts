import { invalidArgument, notFound } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext } from '../context.js';
import { getRows } from '../documents/get-rows.js';
import { queryRows } from '../documents/query-rows.js';
import { resolveFilter } from '../filters/filter-request.js';
import { type HitRow, hitRows } from './hit-rows.js';
import { type ShardTiming, timedSearch } from './timed-search.js';

/** What the playground asks: a stored row's vector (by id, or a random one) as the query. */
export interface PlaygroundQuery {
  collection: string;
  /** A stored id; empty: a random stored row. */
  id?: string;
  k?: number;
  nprobe?: number;
  filter?: string;
}

export interface PlaygroundAnswer {
  queryId: string;
  hits: HitRow[];
  shardsQueried: number;
  shards: ShardTiming[];
  totalMs: number;
  mergeMs: number;
}

/** Rows a random query is picked from: the first page of the collection's rows. */
const RANDOM_POOL = 200;

/** Searches with a stored vector, as the SDK's search would, and reports the time per shard and in the merge. */
export async function playgroundSearch(
  ctx: CoordinatorContext,
  query: PlaygroundQuery,
): Promise<PlaygroundAnswer> {
  const collection = await ctx.catalog.getReady(query.collection, 'Search');
  const { id, vector } = await storedVector(ctx, collection, query.id);
  const fields = collection.record.fields ?? [];
  const filter = resolveFilter({ filterExpression: query.filter ?? '' }, fields);
  const k = query.k ?? 10;
  const timed = await timedSearch(ctx, collection, vector, {
    k,
    nprobe: query.nprobe ?? 0,
    documents: { filter, outputFields: fields.map((field) => field.name) },
  });
  const { response } = timed;
  return {
    queryId: id,
    hits: hitRows(response.ids as Uint8Array, response.distances as Uint8Array, k, response.fields ?? []),
    shardsQueried: response.shardsQueried ?? 0,
    shards: timed.shards,
    totalMs: timed.totalMs,
    mergeMs: timed.mergeMs,
  };
}

async function storedVector(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  id: string | undefined,
): Promise<{ id: string; vector: Float32Array }> {
  const deadline = Date.now() + 30_000;
  const name = collection.record.name;
  const rows = id
    ? await getRows(
        ctx,
        collection,
        { collection: name, ids: idBytes(id), outputFields: [], withVectors: true },
        deadline,
      )
    : await queryRows(
        ctx,
        collection,
        {
          collection: name,
          filter: null,
          limit: RANDOM_POOL,
          cursor: '',
          outputFields: [],
          withVectors: true,
          filterExpression: '',
        },
        undefined,
        deadline,
      );
  const ids = new BigInt64Array(copyOf(rows.ids as Uint8Array).buffer);
  if (ids.length === 0)
    throw notFound(id ? `id ${id} is not stored in "${name}"` : `collection "${name}" holds no rows yet`);
  const pick = id ? 0 : Math.floor(Math.random() * ids.length);
  const dim = collection.record.dim;
  const vectors = new Float32Array(copyOf(rows.vectors as Uint8Array).buffer);
  return { id: String(ids[pick]), vector: vectors.slice(pick * dim, (pick + 1) * dim) };
}

function idBytes(id: string): Buffer {
  let value: bigint;
  try {
    value = BigInt(id);
  } catch {
    throw invalidArgument(`"${id}" is not an integer id`);
  }
  return Buffer.from(new BigInt64Array([value]).buffer);
}

/** The bytes in a buffer of their own, aligned for typed-array views. */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
