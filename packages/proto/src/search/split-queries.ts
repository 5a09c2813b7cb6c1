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
