import {
  type Column,
  decodeColumns,
  encodeArray,
  encodeColumns,
  encodeFieldRows,
  type FieldColumn__Output,
  type Filter__Output,
  isPlacementMoved,
  mergeTopK,
  type SearchResponse,
  type ShardQueries,
  sliceColumns,
  splitQueriesByShard,
  unavailable,
  WriteQueue,
  writeFenced,
} from '@vecshard/proto';
import type { LiveCollection } from './collection-catalog.js';
import type { CollectionRecord } from './collection-record.js';
import { type CallWithDeadline, type CoordinatorContext, workerDeadline } from './context.js';
import { searchFiltered } from './filters/filtered-search.js';
import { hitFields, outputFieldsOf } from './filters/hit-fields.js';
import { type FilterAnswer, keepsIdFilters, type RoutedBy } from './id-filters/id-filters.js';
import { observeSearchFanOut, observeWriteShards, replicaMetrics } from './metrics.js';
import { tenantShardOfRow } from './placement/tenant-placement.js';
import { markCatchingUp } from './replicas/replica-states.js';
import { writeToReplicas } from './replicas/replica-writes.js';
import { groupVectorsByShard, scatterShardOf } from './routing.js';
import { askShards, type ShardAnswers, type ShardSearch } from './shard-search.js';
import { checkK, checkNprobe, checkUpsertIds, decodeIdList, decodeRows } from './validation.js';
import type { WorkerTarget } from './worker-clients.js';
import type { WriteNumber } from './write-sequence.js';

type ReadyCollection = Required<LiveCollection>;

/**
 * Writes to one collection run one at a time on this coordinator: an upsert
 * removes every id of its batch from all shards before adding, and two
 * interleaved upserts of the same id could otherwise leave two copies.
 */
const writeQueues = new Map<string, WriteQueue>();
function writes(name: string): WriteQueue {
  let queue = writeQueues.get(name);
  if (!queue) {
    queue = new WriteQueue();
    writeQueues.set(name, queue);
  }
  return queue;
}

/** Writes waiting or running per collection, for the write-queue depth gauge. */
export function* writeQueueDepths(): Iterable<[string, number]> {
  for (const [name, queue] of writeQueues) yield [name, queue.depth];
}

/** Runs a step under the collection's write queue (also used by Train). */
export function serializeWrites<T>(name: string, step: () => Promise<T>): Promise<T> {
  return writes(name).run(step);
}

/** An upsert batch decoded and checked, with its coarse assignment under way. */
export interface PreparedUpsert {
  ids: BigInt64Array;
  vectors: Float32Array;
  /** The nearest list of each vector, by the quantizer of `collection`. */
  lists: Promise<BigInt64Array>;
  /** The rows' fields, one column per field of the schema (none for a collection without fields). */
  columns?: Column[];
  collection: ReadyCollection;
}

/**
 * Decodes and checks an upsert and starts assigning its vectors to lists.
 * Assignment only reads the trained quantizer, so it runs before the batch
 * takes its turn in the write queue: the next batch is assigned while the
 * previous one is being stored.
 */
export function prepareUpsert(
  collection: ReadyCollection,
  idBytes: Uint8Array,
  vectorBytes: Uint8Array,
  fields: FieldColumn__Output[] = [],
): PreparedUpsert {
  const vectors = decodeRows(vectorBytes, collection.record.dim, 'vectors');
  const ids = decodeIdList(idBytes);
  checkUpsertIds(ids, vectors.length / collection.record.dim);
  // Checked before anything is stored: a refused column refuses the whole batch.
  const schema = collection.record.fields ?? [];
  const columns =
    schema.length > 0 || fields.length > 0 ? decodeColumns(schema, fields, ids.length) : undefined;
  const lists = assignLists(collection, vectors);
  // Rejections surface when the batch is sent; until then they are not unhandled.
  lists.catch(() => {});
  return { ids, vectors, lists, columns, collection };
}

async function assignLists(collection: ReadyCollection, vectors: Float32Array): Promise<BigInt64Array> {
  if (vectors.length === 0) return new BigInt64Array(0);
  return (await collection.template.assign(vectors, 1)).lists;
}

/**
 * Sends each vector, with its list id, to the shard that stores it. Under
 * list routing (and with a partition key) a row may move to another shard,
 * so the batch's ids are also removed wherever an older vector of them may
 * be: on the shards the id filters name (see `routeUpsert`). Resolves once
 * every shard called has acknowledged. `collection` is the collection as it
 * is now: if it was retrained or restored since the batch was prepared, the
 * vectors are assigned again with the new quantizer.
 */
export async function sendUpsert(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  prepared: PreparedUpsert,
  call: CallWithDeadline,
  writeNumber = ctx.writeSequence.numberOnce(collection.record.name),
  how: SendHow = {},
): Promise<number> {
  const { record, owner } = collection;
  const { ids, vectors, columns } = prepared;
  if (ids.length === 0) return 0;
  const lists =
    prepared.collection.template === collection.template
      ? await prepared.lists
      : await assignLists(collection, vectors);
  const shardCount = record.placement.length;
  const shardOf = rowShards(record, owner, ids, lists, columns);
  const groups = groupVectorsByShard(ids, vectors, lists, record.dim, shardOf, shardCount);
  const deadline = workerDeadline(ctx, call);
  const byShard = new Map(groups.map((group) => [group.shard, group]));
  const route = await routeUpsert(ctx, record, ids, shardOf, byShard, writeNumber);
  const empty = Buffer.alloc(0);
  const { seq } = route;
  await how.numbered?.(writeNumber);
  await writeEveryCopy(
    ctx,
    record,
    route.shards,
    how.lagFloorMs ?? ctx.replicaLagFloorMs,
    (shard, target) => {
      const group = byShard.get(shard);
      return ctx.clients.call(
        target,
        'AddPreassigned',
        {
          collection: record.name,
          shard,
          ids: group ? encodeArray(group.ids) : empty,
          vectors: group ? encodeArray(group.vectors) : empty,
          lists: group ? encodeArray(group.lists) : empty,
          replaceIds: route.replaceIds,
          fields: group && columns ? encodeColumns(sliceColumns(columns, group.rows)) : [],
          epoch: String(record.epoch ?? 0),
          seq,
        },
        deadline,
      );
    },
  );
  if (how.unlogged) return ids.length;
  const fieldBytes = columns && record.fields ? encodeFieldRows(record.fields, ids, columns) : undefined;
  await logged(
    ctx,
    record,
    ctx.writeLog?.upsert(record.name, encodeArray(ids), encodeArray(vectors), fieldBytes, seq),
  );
  return ids.length;
}

/** How `sendUpsert` sends: the ordinary upsert by default. */
export interface SendHow {
  /**
   * Not appended to the write log: a bulk import's batch, made durable by
   * the snapshot that ends the import (jobs/import-job.ts) instead.
   */
  unlogged?: boolean;
  /** How long the other copies may lag the first before they are marked catching-up (default: --replica-lag-ms). */
  lagFloorMs?: number;
  /** Called once the write has its sequence, before any copy is sent it. */
  numbered?: (number: WriteNumber) => Promise<void>;
}

/** Where a write goes: its sequence, the shards to call, and the ids each removes first. */
interface Routed {
  seq: string;
  shards: number[];
  replaceIds: Buffer;
}

/**
 * Where an upsert goes. Scatter routing keeps an id on one shard: only the
 * shards receiving rows are called. Otherwise the shards receiving rows,
 * and those whose id filters may hold one of the batch's ids (an older
 * vector of it, on another shard); each of them removes the batch's ids
 * before adding its rows. The write's sequence is taken in the same atomic
 * step that records the batch's ids in their shards' filters, so a later
 * write of the same id, from any coordinator, finds this one's shard.
 */
async function routeUpsert(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  ids: BigInt64Array,
  shardOf: (row: number) => number,
  byShard: Map<number, unknown>,
  writeNumber: WriteNumber,
): Promise<Routed> {
  const storing = [...byShard.keys()];
  if (!keepsIdFilters(record)) {
    const seq = await writeNumber.take();
    observeWriteShards(storing.length, 'scatter');
    return { seq, shards: storing, replaceIds: Buffer.alloc(0) };
  }
  const targets = Int32Array.from({ length: ids.length }, (_, row) => shardOf(row));
  const { seq, holders } = filterRoute(
    ctx,
    record,
    await ctx.idFilters.upsert(record.name, ids, targets, placementOf(record), writeNumber),
  );
  const shards = holders
    ? [...new Set([...storing, ...checkKnown(ctx, record, holders)])].sort((a, b) => a - b)
    : record.placement.map((shard) => shard.shard);
  observeWriteShards(shards.length, holders ? 'filtered' : 'every');
  return { seq, shards, replaceIds: encodeArray(ids) };
}

/** The placement a write is routed by, as the id filters need it. */
function placementOf(record: CollectionRecord): RoutedBy {
  return { shards: record.placement.length, epoch: record.epoch ?? 0 };
}

/**
 * What the id filters answered, or the refusal it means: routed by a
 * placement a list move has left (the write is routed again by the current
 * one, as a copy holding writes would have it), or begun before the filters
 * were made anew (its outcome is unknown: the client sends it again).
 */
function filterRoute(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  answer: FilterAnswer,
): { seq: string; holders?: number[] } {
  if (answer.kind === 'stale') {
    ctx.catalog.invalidate(record.name);
    throw writeFenced(
      `shard ${answer.shard} of "${record.name}" holds writes routed below placement epoch ${answer.floor} ` +
        `(lists moved off it); this write was routed by epoch ${record.epoch ?? 0}`,
    );
  }
  if (answer.kind === 'remade') {
    throw unavailable(
      `the id filters of "${record.name}" were made anew (a restore or a rebuild) while this write was under ` +
        'way: its outcome is unknown, send it again',
    );
  }
  return answer;
}

/**
 * The shards the filters named, all of them in the placement this write is
 * routed by. A filter names a shard added since (another coordinator moved
 * lists there) only when this coordinator's placement is out of date: it is
 * read again and the write routed anew.
 */
function checkKnown(ctx: CoordinatorContext, record: CollectionRecord, shards: number[]): number[] {
  const unknown = shards.find((shard) => shard >= record.placement.length);
  if (unknown !== undefined) {
    ctx.catalog.invalidate(record.name);
    throw writeFenced(
      `shard ${unknown} of "${record.name}" may hold ids of this write, and the placement it was ` +
        `routed by has ${record.placement.length} shards`,
    );
  }
  return shards;
}

/** Each batch row's shard: by its list, by its tenant (partition key), or by its id (scatter). */
export function rowShards(
  record: CollectionRecord,
  owner: Int32Array,
  ids: BigInt64Array,
  lists: BigInt64Array,
  columns: Column[] | undefined,
): (row: number) => number {
  if (record.partitionKey) return tenantShardOfRow(record, columns);
  const shardCount = record.placement.length;
  if (record.routing === 'scatter') return (row) => scatterShardOf(ids[row], shardCount);
  return (row) => owner[Number(lists[row])];
}

/**
 * Sends a write to every ready copy of the given shards and resolves once
 * each shard has stored it. Copies that missed it are marked catching-up
 * before this resolves (also when the write fails for some shard, as their
 * peers may hold it), so no search reads them once the write is acknowledged.
 */
async function writeEveryCopy<R>(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  shards: number[],
  lagFloorMs: number,
  send: (shard: number, target: WorkerTarget) => Promise<R>,
): Promise<R[]> {
  const missed: { shard: number; workerId: string }[] = [];
  const writes = shards.map(async (shard) => {
    const write = await writeToReplicas(
      ctx,
      record.name,
      record.placement[shard],
      (target) => send(shard, target),
      lagFloorMs,
    );
    for (const workerId of write.missed) missed.push({ shard, workerId });
    return write.answer;
  });
  try {
    return await Promise.all(writes);
  } finally {
    await Promise.allSettled(writes);
    if (missed.length > 0) {
      replicaMetrics.missedWrites(missed.length);
      await markCatchingUp(ctx, record.name, missed);
    }
  }
}

/** Prepares and sends an upsert in one step (callers already holding the write queue). */
export async function upsert(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  idBytes: Uint8Array,
  vectorBytes: Uint8Array,
  call: CallWithDeadline,
  fields: FieldColumn__Output[] = [],
): Promise<number> {
  return sendUpsert(ctx, collection, prepareUpsert(collection, idBytes, vectorBytes, fields), call);
}

/** Waits for a write-log append and tells the coordinator how large the log has grown. */
async function logged(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  append: Promise<number> | undefined,
) {
  if (!append) return;
  ctx.onLogged?.(record, await append);
}

/**
 * Removes ids from the shards that may hold them (by the id filters; by id
 * under scatter routing); resolves to the number removed.
 */
export async function deleteIds(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  idBytes: Uint8Array,
  call: CallWithDeadline,
  writeNumber = ctx.writeSequence.numberOnce(collection.record.name),
): Promise<number> {
  const { record } = collection;
  const ids = decodeIdList(idBytes);
  if (ids.length === 0) return 0;
  const deadline = workerDeadline(ctx, call);
  const route = await routeDelete(ctx, record, ids, writeNumber);
  const { seq } = route;
  const answers = await writeEveryCopy(ctx, record, route.shards, ctx.replicaLagFloorMs, (shard, target) =>
    ctx.clients.call(
      target,
      'Delete',
      { collection: record.name, shard, ids: encodeArray(ids), epoch: String(record.epoch ?? 0), seq },
      deadline,
    ),
  );
  await logged(ctx, record, ctx.writeLog?.delete(record.name, encodeArray(ids), seq));
  return answers.reduce((total, answer) => total + Number(answer.deleted), 0);
}

/**
 * Where a delete goes: under scatter routing the shards the ids hash to
 * (an id lives there only); otherwise the shards whose id filters may hold
 * one of them, none when no filter does (every shard when the filters
 * cannot tell).
 */
async function routeDelete(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  ids: BigInt64Array,
  writeNumber: WriteNumber,
): Promise<Omit<Routed, 'replaceIds'>> {
  const shardCount = record.placement.length;
  if (!keepsIdFilters(record)) {
    const seq = await writeNumber.take();
    const shards = [...new Set(Array.from(ids, (id) => scatterShardOf(id, shardCount)))].sort(
      (a, b) => a - b,
    );
    observeWriteShards(shards.length, 'scatter');
    return { seq, shards };
  }
  const { seq, holders } = filterRoute(
    ctx,
    record,
    await ctx.idFilters.delete(record.name, ids, placementOf(record), writeNumber),
  );
  observeWriteShards(holders ? holders.length : shardCount, holders ? 'filtered' : 'every');
  return { seq, shards: holders ? checkKnown(ctx, record, holders) : record.placement.map((s) => s.shard) };
}

/**
 * Finds each query's nprobe nearest lists, asks only the shards owning some of
 * them (every shard under scatter routing), one ready copy of each, and merges
 * their top-k lists. With `allowPartial`, shards with no copy answering are
 * left out and named instead of failing the search.
 */
/** What a search asks beyond its queries: only rows matching a filter, and fields to return with each hit. */
export interface SearchDocuments {
  filter?: Filter__Output;
  outputFields?: string[];
}

export async function search(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  queryBytes: Uint8Array,
  k: number,
  requestedNprobe: number,
  call: CallWithDeadline,
  allowPartial = false,
  documents: SearchDocuments = {},
): Promise<SearchResponse> {
  // Counted from the moment the placement is in hand: a list move waits for every
  // search routed with the placement it replaced before the old owner drops the list.
  for (let attempt = 1; ; attempt++) {
    const ended = ctx.searches.begin(collection.record.name, collection.record.epoch ?? 0);
    try {
      const answer = await routeAndSearch(
        ctx,
        collection,
        queryBytes,
        k,
        requestedNprobe,
        call,
        allowPartial,
        documents,
      );
      // Tells clients routing searches themselves whether their routing table is current.
      return { ...answer, placementEpoch: String(collection.record.epoch ?? 0) };
    } catch (error) {
      // A shard refused lists it no longer owns: route again by the placement as it is now.
      if (!isPlacementMoved(error) || attempt === MAX_ROUTING_ATTEMPTS) throw error;
      ctx.catalog.invalidate(collection.record.name);
      collection = await ctx.catalog.getReady(collection.record.name, 'Search');
    } finally {
      ended();
    }
  }
}

/** Times a search is routed again after a shard said the placement moved under it. */
const MAX_ROUTING_ATTEMPTS = 5;

/** Routes the queries by the collection's placement, asks the shards and merges. */
async function routeAndSearch(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  queryBytes: Uint8Array,
  k: number,
  requestedNprobe: number,
  call: CallWithDeadline,
  allowPartial: boolean,
  documents: SearchDocuments,
): Promise<SearchResponse> {
  const { record } = collection;
  checkK(k);
  const outputFields = outputFieldsOf(record.fields ?? [], documents.outputFields ?? []);
  const nprobe = requestedNprobe || record.nprobe;
  checkNprobe(nprobe, record.nlist);
  const queries = decodeRows(queryBytes, record.dim, 'queries');
  const nq = queries.length / record.dim;
  if (nq === 0) {
    return {
      k,
      ids: Buffer.alloc(0),
      distances: Buffer.alloc(0),
      shardsQueried: 0,
      partial: false,
      missingShards: [],
      fields: [],
    };
  }
  const deadline = workerDeadline(ctx, call);
  const searched = documents.filter
    ? await searchFiltered(ctx, collection, {
        filter: documents.filter,
        queries,
        k,
        nprobe,
        outputFields,
        allowPartial,
        deadline,
      })
    : await searchUnfiltered(
        ctx,
        collection,
        queries,
        { k, exact: false, outputFields },
        nprobe,
        deadline,
        allowPartial,
      );
  const hits = searched.answers;
  const { missingShards } = searched;
  const merged = mergeTopK(nq, k, hits, record.metric !== 'l2');
  return {
    k,
    ids: encodeArray(merged.ids),
    distances: encodeArray(merged.distances),
    shardsQueried: searched.shardsQueried,
    partial: missingShards.length > 0,
    missingShards,
    fields: outputFields.length > 0 ? hitFields(record.fields ?? [], outputFields, merged.ids, hits, k) : [],
  };
}

/** Asks the shards owning each query's nprobe nearest lists (every shard under scatter routing). */
async function searchUnfiltered(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  queries: Float32Array,
  shardSearch: ShardSearch,
  nprobe: number,
  deadline: number,
  allowPartial: boolean,
): Promise<ShardAnswers & { shardsQueried: number }> {
  const parts = await routeUnfiltered(ctx, collection, queries, nprobe);
  observeSearchFanOut(parts);
  const answers = await askShards(ctx, collection.record, parts, shardSearch, deadline, allowPartial);
  return { ...answers, shardsQueried: parts.length };
}

/** Each shard's queries by the nprobe nearest lists (every shard under scatter routing). */
async function routeUnfiltered(
  ctx: CoordinatorContext,
  collection: ReadyCollection,
  queries: Float32Array,
  nprobe: number,
): Promise<ShardQueries[]> {
  const { record, template, owner } = collection;
  const nq = queries.length / record.dim;
  const assignment = await template.assign(queries, nprobe);
  if (record.routing === 'lists') ctx.probeLoad?.observe(record.name, record.nlist, assignment.lists);
  return record.routing === 'scatter'
    ? record.placement.map((shard) => ({
        shard: shard.shard,
        queryIndex: Int32Array.from({ length: nq }, (_, q) => q),
        queries,
        lists: assignment.lists,
        centroidDistances: assignment.distances,
      }))
    : splitQueriesByShard(
        queries,
        record.dim,
        nprobe,
        assignment.lists,
        assignment.distances,
        owner,
        record.placement.length,
      );
}
