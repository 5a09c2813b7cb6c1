import type { CollectionRecord, ReplicaPlacement, ShardPlacement } from '../collection-record.js';

/**
 * Spreads inverted lists over shards so each shard expects about the same
 * number of vectors: lists are taken largest first (by their share of the
 * training sample) and each goes to the shard with the least load so far.
 * Ties go to the lower list id and the lower shard number, so the same inputs
 * always give the same placement. Returns the sorted list ids of each shard.
 */
export function placeLists(listLoads: ArrayLike<number>, shardCount: number): number[][] {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new RangeError(`shard count must be a positive integer, got ${shardCount}`);
  }
  const order = Array.from({ length: listLoads.length }, (_, list) => list);
  order.sort((a, b) => listLoads[b] - listLoads[a] || a - b);
  const load = new Array<number>(shardCount).fill(0);
  const owned = Array.from({ length: shardCount }, () => [] as number[]);
  for (const list of order) {
    const shard = leastLoaded(load, owned);
    owned[shard].push(list);
    load[shard] += listLoads[list];
  }
  for (const lists of owned) lists.sort((a, b) => a - b);
  return owned;
}

/** The shard with the smallest load; among equals, the one with fewer lists, then the lowest number. */
function leastLoaded(load: number[], owned: number[][]): number {
  let best = 0;
  for (let shard = 1; shard < load.length; shard++) {
    if (
      load[shard] < load[best] ||
      (load[shard] === load[best] && owned[shard].length < owned[best].length)
    ) {
      best = shard;
    }
  }
  return best;
}

/** Vectors of a sample per list, from its coarse assignment (one list per vector). */
export function countPerList(assignedLists: BigInt64Array, nlist: number): Float64Array {
  const counts = new Float64Array(nlist);
  for (const list of assignedLists) if (list >= 0n) counts[Number(list)]++;
  return counts;
}

/** list id → owning shard (or -1), the lookup table routing uses. */
export function listOwners(placement: number[][], nlist: number): Int32Array {
  const owner = new Int32Array(nlist).fill(-1);
  placement.forEach((lists, shard) => {
    for (const list of lists) owner[list] = shard;
  });
  return owner;
}

/**
 * Shards of a collection over the live workers: the given groups of lists, or
 * lists balanced by expected vectors (under scatter routing, every list on
 * every shard), shard s on
 * worker s and its further copies on the workers after it, so the copies of a
 * shard are on distinct workers and every worker holds about as many copies.
 */
export function placeShards(
  record: Pick<CollectionRecord, 'routing' | 'nlist' | 'replicationFactor'>,
  loads: Float64Array,
  workerIds: string[],
  shardCount = workerIds.length,
  groups?: number[][],
): ShardPlacement[] {
  const copies = Math.max(1, record.replicationFactor);
  if (copies > workerIds.length) {
    throw new RangeError(`${copies} copies of every shard need as many workers, not ${workerIds.length}`);
  }
  const replicas = (shard: number): ReplicaPlacement[] =>
    Array.from({ length: copies }, (_, r) => ({
      workerId: workerIds[(shard + r) % workerIds.length],
      state: 'ready' as const,
    }));
  if (record.routing === 'scatter') {
    // Every shard holds every list; vectors are spread by id, so each expects an equal slice.
    const all = Array.from({ length: record.nlist }, (_, list) => list);
    const total = loads.reduce((a, b) => a + b, 0);
    return Array.from({ length: shardCount }, (_, shard) => ({
      shard,
      replicas: replicas(shard),
      lists: all,
      expectedVectors: Math.round(total / shardCount),
    }));
  }
  return (groups ?? placeLists(loads, shardCount)).map((lists, shard) => ({
    shard,
    replicas: replicas(shard),
    lists,
    expectedVectors: lists.reduce((sum, list) => sum + loads[list], 0),
  }));
}
