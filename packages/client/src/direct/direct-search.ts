import * as grpc from '@grpc/grpc-js';
import {
  decodeFloats,
  decodeIds,
  encodeArray,
  isPlacementMoved,
  mergeTopK,
  REQUEST_ID_HEADER,
  type SearchListsResponse__Output,
  type ShardHits,
  type ShardQueries,
  splitQueriesByShard,
} from '@vecshard/proto';
import { assignQueries } from './coarse-assignment.js';
import type { RoutingTable } from './routing-table.js';
import type { ShardChannels } from './shard-channels.js';

/** Why a search went through the coordinator instead. */
export type FallbackReason =
  | 'no-table'
  | 'not-routable'
  | 'unchecked-input'
  | 'large-batch'
  | 'doubt'
  | 'no-ready-copy'
  | 'placement-moved'
  | 'worker-error'
  | 'filtered';

/** Top-k rows of a batch, and the shard requests that produced them. */
export interface BatchHits {
  ids: BigInt64Array;
  distances: Float32Array;
  shardsQueried: number;
}

export type DirectOutcome =
  | ({ served: true; coordinatorQueries: number } & BatchHits)
  | { served: false; reason: FallbackReason; doubtful?: Uint8Array };

/**
 * Batches whose coarse assignment exceeds this many multiply-adds (queries ×
 * lists × dimension) go through the coordinator: the client scores centroids
 * in plain TypeScript, about a thousand times slower than the coordinator's
 * BLAS, so past a few milliseconds of scoring the hop it saves costs more than
 * it gains (16 queries at 1024 lists of 128 dimensions still go direct).
 */
export const DIRECT_ASSIGN_MAX_WORK = 1 << 21;

/** As the FAISS binding's MAX_K (the SDK does not load FAISS). */
const MAX_K = 4096;

export interface DirectRequest {
  queries: Float32Array;
  k: number;
  /** 0: the collection's default. */
  nprobe: number;
  deadline: number;
  requestId: string;
}

/**
 * One-hop search: assigns the queries to lists by the routing table, asks
 * one READY copy of every shard owning some probed list, in parallel, and
 * merges their top-k exactly as the coordinator does. Any doubt ends in a
 * fallback: the caller then asks the coordinator, which answers the same.
 */
export async function searchDirect(
  table: RoutingTable,
  channels: ShardChannels,
  request: DirectRequest,
): Promise<DirectOutcome> {
  if (!table.routable) return { served: false, reason: 'not-routable' };
  const { queries, k } = request;
  const nprobe = request.nprobe || table.nprobe;
  const nq = queries.length / table.dim;
  // The coordinator gives malformed requests their precise error.
  if (!Number.isInteger(nq) || nq === 0 || !validK(k) || nprobe < 1 || nprobe > table.nlist)
    return { served: false, reason: 'unchecked-input' };
  // Before the finiteness scan: a large batch would pay for reading every value only to go elsewhere.
  if (nq * table.nlist * table.dim > DIRECT_ASSIGN_MAX_WORK) return { served: false, reason: 'large-batch' };
  if (!queries.every(Number.isFinite)) return { served: false, reason: 'unchecked-input' };
  const assignment = assignQueries(table.centroids, queries, nprobe);
  if (assignment.doubtful.some((flag) => flag === 1))
    return { served: false, reason: 'doubt', doubtful: assignment.doubtful };
  const parts = splitQueriesByShard(
    queries,
    table.dim,
    nprobe,
    assignment.lists,
    assignment.distances,
    table.owner,
    table.copies.length,
  );
  if (parts.some((part) => (table.copies[part.shard]?.length ?? 0) === 0))
    return { served: false, reason: 'no-ready-copy' };
  const answers = await Promise.allSettled(parts.map((part) => askShard(table, channels, part, request)));
  const hits: ShardHits[] = [];
  const errors: unknown[] = [];
  for (const answer of answers) {
    if (answer.status === 'fulfilled') hits.push(answer.value);
    else errors.push(answer.reason);
  }
  // A moved placement says more than a failed copy: the table is then refreshed either way.
  if (errors.length > 0)
    return { served: false, reason: errors.some(isPlacementMoved) ? 'placement-moved' : 'worker-error' };
  const merged = mergeTopK(nq, k, hits, table.centroids.metric !== 'l2');
  return {
    served: true,
    ids: merged.ids,
    distances: merged.distances,
    shardsQueried: parts.length,
    coordinatorQueries: 0,
  };
}

function validK(k: number): boolean {
  return Number.isInteger(k) && k >= 1 && k <= MAX_K;
}

/** One shard's part, from the copy with the fewest calls outstanding. */
async function askShard(
  table: RoutingTable,
  channels: ShardChannels,
  part: ShardQueries,
  request: DirectRequest,
): Promise<ShardHits> {
  const address = channels.pick(table.copies[part.shard]);
  const client = channels.client(address);
  const metadata = new grpc.Metadata();
  metadata.set(REQUEST_ID_HEADER, request.requestId);
  const call = new Promise<SearchListsResponse__Output>((resolve, reject) => {
    client.SearchLists(
      {
        collection: table.collection,
        shard: part.shard,
        queries: encodeArray(part.queries),
        k: request.k,
        lists: encodeArray(part.lists),
        centroidDistances: encodeArray(part.centroidDistances),
        epoch: String(table.epoch),
        quantizerDigest: table.quantizerDigest,
      },
      metadata,
      { deadline: request.deadline },
      (error, response) => (error ? reject(error) : resolve(response!)),
    );
  });
  const answer = await channels.track(address, call);
  const ids = decodeIds(answer.ids);
  const distances = decodeFloats(answer.distances, 'distances');
  if (ids.length !== part.queryIndex.length * request.k || distances.length !== ids.length)
    throw new Error(`shard ${part.shard} answered ${ids.length} ids for ${part.queryIndex.length} queries`);
  return { queryIndex: part.queryIndex, ids, distances };
}
