/** One shard's part of a search batch. */
export interface ShardQueries {
  shard: number;
  /** Positions of the queries in the original batch. */
  queryIndex: Int32Array;
  queries: Float32Array;
  /** nprobe entries per query: the list id when this shard owns it, else -1. */
  lists: BigInt64Array;
  centroidDistances: Float32Array;
}

/**
 * Splits a batch's coarse assignment by shard. A shard receives only the
 * queries that probe at least one of its lists, with every list it does not
 * own masked as -1, so it never sees a query it cannot contribute to.
 */
export function splitQueriesByShard(
  queries: Float32Array,
  dim: number,
  nprobe: number,
  lists: BigInt64Array,
  centroidDistances: Float32Array,
  owner: Int32Array,
  shardCount: number,
): ShardQueries[] {
  const nq = queries.length / dim;
  const perShard = Array.from({ length: shardCount }, () => [] as number[]);
  const touched = new Int32Array(shardCount).fill(-1);
  for (let q = 0; q < nq; q++) {
    for (let j = 0; j < nprobe; j++) {
      const list = lists[q * nprobe + j];
      if (list < 0n) continue;
      const shard = owner[Number(list)];
      if (shard >= 0 && touched[shard] !== q) {
        touched[shard] = q;
        perShard[shard].push(q);
      }
    }
  }
  const parts: ShardQueries[] = [];
  perShard.forEach((picked, shard) => {
    if (picked.length > 0)
      parts.push(gather(queries, dim, nprobe, lists, centroidDistances, owner, shard, picked));
  });
  return parts;
}

function gather(
  queries: Float32Array,
  dim: number,
  nprobe: number,
  lists: BigInt64Array,
  centroidDistances: Float32Array,
  owner: Int32Array,
  shard: number,
  picked: number[],
): ShardQueries {
  const n = picked.length;
  const part: ShardQueries = {
    shard,
    queryIndex: Int32Array.from(picked),
    // A shard that receives the whole batch reads the caller's queries as they are.
    queries: n * dim === queries.length ? queries : new Float32Array(n * dim),
    lists: new BigInt64Array(n * nprobe).fill(-1n),
    centroidDistances: new Float32Array(n * nprobe),
  };
  picked.forEach((q, row) => {
    if (part.queries !== queries) part.queries.set(queries.subarray(q * dim, (q + 1) * dim), row * dim);
    for (let j = 0; j < nprobe; j++) {
      const list = lists[q * nprobe + j];
      if (list >= 0n && owner[Number(list)] === shard) part.lists[row * nprobe + j] = list;
      part.centroidDistances[row * nprobe + j] = centroidDistances[q * nprobe + j];
    }
  });
  return part;
}

/** One shard's part of an upsert batch. */
export interface ShardVectors {
  shard: number;
  ids: BigInt64Array;
  vectors: Float32Array;
  lists: BigInt64Array;
}

/** Groups vectors by the shard that must store them, given each vector's shard. */
export function groupVectorsByShard(
  ids: BigInt64Array,
  vectors: Float32Array,
  lists: BigInt64Array,
  dim: number,
  shardOf: (row: number) => number,
  shardCount: number,
): ShardVectors[] {
  // Two passes over typed arrays (count, then copy) rather than a row list per
  // shard: an upsert batch has tens of thousands of rows.
  const shards = new Int32Array(ids.length);
  const counts = new Int32Array(shardCount);
  for (let row = 0; row < ids.length; row++) {
    shards[row] = shardOf(row);
    counts[shards[row]]++;
  }
  const groups: (ShardVectors | undefined)[] = Array.from(counts, (count, shard) =>
    count === 0
      ? undefined
      : {
          shard,
          ids: new BigInt64Array(count),
          vectors: new Float32Array(count * dim),
          lists: new BigInt64Array(count),
        },
  );
  const filled = new Int32Array(shardCount);
  for (let row = 0; row < ids.length; row++) {
    const group = groups[shards[row]] as ShardVectors;
    const at = filled[shards[row]]++;
    group.ids[at] = ids[row];
    group.lists[at] = lists[row];
    const from = row * dim;
    const to = at * dim;
    for (let d = 0; d < dim; d++) group.vectors[to + d] = vectors[from + d];
  }
  return groups.filter((group): group is ShardVectors => group !== undefined);
}

/** Scatter routing: the shard holding an id (ids are spread by value modulo the shard count). */
export function scatterShardOf(id: bigint, shardCount: number): number {
  return Number(BigInt.asUintN(64, id) % BigInt(shardCount));
}
