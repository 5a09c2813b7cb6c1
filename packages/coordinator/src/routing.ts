/** One shard's part of an upsert batch. */
export interface ShardVectors {
  shard: number;
  ids: BigInt64Array;
  vectors: Float32Array;
  lists: BigInt64Array;
  /** The batch rows these are, in order (to pick the same rows of the batch's field columns). */
  rows: Int32Array;
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
          rows: new Int32Array(count),
        },
  );
  const filled = new Int32Array(shardCount);
  for (let row = 0; row < ids.length; row++) {
    const group = groups[shards[row]] as ShardVectors;
    const at = filled[shards[row]]++;
    group.ids[at] = ids[row];
    group.lists[at] = lists[row];
    group.rows[at] = row;
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
