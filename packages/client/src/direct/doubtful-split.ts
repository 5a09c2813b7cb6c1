import { type BatchHits, type DirectOutcome, type DirectRequest, searchDirect } from './direct-search.js';
import type { RoutingTable } from './routing-table.js';
import type { ShardChannels } from './shard-channels.js';

/** Searches some rows of a batch through the coordinator. */
export type ViaCoordinator = (queries: Float32Array) => Promise<BatchHits>;

/**
 * A batch with some doubtful queries: the sure ones go one hop, the doubtful
 * ones through the coordinator, at the same time, and the rows are put back
 * in order. Without this one doubtful query would send a whole batch through
 * the coordinator. When the direct part fails, the caller sends the whole
 * batch to the coordinator as for any other fallback.
 */
export async function searchSplit(
  table: RoutingTable,
  channels: ShardChannels,
  request: DirectRequest,
  doubtful: Uint8Array,
  viaCoordinator: ViaCoordinator,
): Promise<DirectOutcome> {
  const sure = rowsWhere(doubtful, 0);
  const unsure = rowsWhere(doubtful, 1);
  if (sure.length === 0) return { served: false, reason: 'doubt', doubtful };
  const { dim } = table;
  const [direct, coordinator] = await Promise.all([
    searchDirect(table, channels, { ...request, queries: pickRows(request.queries, dim, sure) }),
    viaCoordinator(pickRows(request.queries, dim, unsure)),
  ]);
  if (!direct.served) return direct;
  const k = request.k;
  const ids = new BigInt64Array(doubtful.length * k);
  const distances = new Float32Array(doubtful.length * k);
  placeRows(sure, direct, k, ids, distances);
  placeRows(unsure, coordinator, k, ids, distances);
  return {
    served: true,
    ids,
    distances,
    shardsQueried: direct.shardsQueried + coordinator.shardsQueried,
    coordinatorQueries: unsure.length,
  };
}

function rowsWhere(flags: Uint8Array, value: number): number[] {
  const rows: number[] = [];
  flags.forEach((flag, row) => {
    if (flag === value) rows.push(row);
  });
  return rows;
}

function pickRows(queries: Float32Array, dim: number, rows: number[]): Float32Array {
  const picked = new Float32Array(rows.length * dim);
  rows.forEach((row, i) => {
    picked.set(queries.subarray(row * dim, (row + 1) * dim), i * dim);
  });
  return picked;
}

function placeRows(rows: number[], hits: BatchHits, k: number, ids: BigInt64Array, distances: Float32Array) {
  rows.forEach((row, i) => {
    ids.set(hits.ids.subarray(i * k, (i + 1) * k), row * k);
    distances.set(hits.distances.subarray(i * k, (i + 1) * k), row * k);
  });
}
