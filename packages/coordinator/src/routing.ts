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
  const rows = Array.from({ length: shardCount }, () => [] as number[]);
  for (let row = 0; row < ids.length; row++) rows[shardOf(row)].push(row);
  const groups: ShardVectors[] = [];
  rows.forEach((picked, shard) => {
    if (picked.length === 0) return;
    const group: ShardVectors = {
      shard,
      ids: new BigInt64Array(picked.length),
      vectors: new Float32Array(picked.length * dim),
      lists: new BigInt64Array(picked.length),
    };
    picked.forEach((row, i) => {
      group.ids[i] = ids[row];
      group.lists[i] = lists[row];
      group.vectors.set(vectors.subarray(row * dim, (row + 1) * dim), i * dim);
    });
    groups.push(group);
  });
  return groups;
}

/** Scatter routing: the shard holding an id (ids are spread by value modulo the shard count). */
export function scatterShardOf(id: bigint, shardCount: number): number {
  return Number(BigInt.asUintN(64, id) % BigInt(shardCount));
}
