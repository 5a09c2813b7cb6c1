import * as grpc from '@grpc/grpc-js';
import {
  decodeFloats,
  decodeIds,
  encodeArray,
  exactShare,
  type Filter,
  isPlacementMoved,
  mergeTopK,
  partitionValueOf,
  REQUEST_ID_HEADER,
  type SearchListsResponse__Output,
  type ShardHits,
  tenantShard,
} from '@vecshard/proto';
import type { DirectOutcome, DirectRequest } from './direct-search.js';
import type { RoutingTable } from './routing-table.js';
import type { ShardChannels } from './shard-channels.js';

/** A one-hop search with a filter (in wire form). */
export interface FilteredDirectRequest extends DirectRequest {
  filter: Filter;
}

const NO_LISTS = Buffer.alloc(0);

/**
 * One-hop filtered search: every shard gets the whole batch with the filter
 * and searches its matching rows exactly when they are few (the bound the
 * coordinator plans by, applied per shard); under a partition key, a filter
 * fixing the tenant goes to the tenant's shard alone, as the coordinator
 * would send it, since no other shard holds its rows. Served when every shard did; a
 * shard with too many matches declines, since widening nprobe takes every
 * shard's counts, and the search then goes through the coordinator (which
 * answers the same where both serve).
 */
export async function searchDirectFiltered(
  table: RoutingTable,
  channels: ShardChannels,
  request: FilteredDirectRequest,
): Promise<DirectOutcome> {
  const { queries, k } = request;
  const nprobe = request.nprobe || table.nprobe;
  const nq = queries.length / table.dim;
  // The coordinator gives malformed requests their precise error.
  if (
    !Number.isInteger(nq) ||
    nq === 0 ||
    !Number.isInteger(k) ||
    k < 1 ||
    nprobe < 1 ||
    nprobe > table.nlist
  )
    return { served: false, reason: 'unchecked-input' };
  if (table.copies.length === 0 || table.copies.some((copies) => (copies?.length ?? 0) === 0))
    return { served: false, reason: 'no-ready-copy' };
  const share = exactShare(nprobe, table.nlist);
  const answers = await Promise.allSettled(
    shardsToAsk(table, request.filter).map((shard) => askShard(table, channels, shard, request, share)),
  );
  const hits: ShardHits[] = [];
  const errors: unknown[] = [];
  let declined = false;
  for (const answer of answers) {
    if (answer.status === 'rejected') errors.push(answer.reason);
    else if (answer.value === 'declined') declined = true;
    else if (answer.value.ids.length > 0) hits.push(answer.value);
  }
  if (errors.length > 0)
    return { served: false, reason: errors.some(isPlacementMoved) ? 'placement-moved' : 'worker-error' };
  if (declined) return { served: false, reason: 'filtered' };
  const merged = mergeTopK(nq, k, hits, table.centroids.metric !== 'l2');
  return {
    served: true,
    ids: merged.ids,
    distances: merged.distances,
    shardsQueried: hits.length,
    coordinatorQueries: 0,
  };
}

/** Every shard, or under a partition key the one holding the tenant the filter fixes. */
function shardsToAsk(table: RoutingTable, filter: Filter): number[] {
  const tenant = partitionValueOf(filter, table.partitionKey);
  if (tenant !== undefined) return [tenantShard(tenant, table.copies.length)];
  return table.copies.map((_, shard) => shard);
}

/** One shard's exact hits among its matches, 'declined' when it has too many to search alone. */
async function askShard(
  table: RoutingTable,
  channels: ShardChannels,
  shard: number,
  request: FilteredDirectRequest,
  share: number,
): Promise<ShardHits | 'declined'> {
  const address = channels.pick(table.copies[shard]);
  const metadata = new grpc.Metadata();
  metadata.set(REQUEST_ID_HEADER, request.requestId);
  const call = new Promise<SearchListsResponse__Output>((resolve, reject) => {
    channels.client(address).SearchLists(
      {
        collection: table.collection,
        shard,
        queries: encodeArray(request.queries),
        k: request.k,
        lists: NO_LISTS,
        centroidDistances: NO_LISTS,
        epoch: String(table.epoch),
        quantizerDigest: table.quantizerDigest,
        filter: request.filter,
        exactShare: share,
      },
      metadata,
      { deadline: request.deadline },
      (error, response) => (error ? reject(error) : resolve(response!)),
    );
  });
  const answer = await channels.track(address, call);
  if (answer.declined) return 'declined';
  const ids = decodeIds(answer.ids);
  const distances = decodeFloats(answer.distances, 'distances');
  const nq = request.queries.length / table.dim;
  // No hits at all: the shard holds no match.
  if (ids.length !== 0 && (ids.length !== nq * request.k || distances.length !== ids.length))
    throw new Error(`shard ${shard} answered ${ids.length} ids for ${nq} queries`);
  return { queryIndex: Int32Array.from({ length: nq }, (_, q) => q), ids, distances };
}
