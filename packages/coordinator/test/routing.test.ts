import { splitQueriesByShard } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { groupVectorsByShard, scatterShardOf } from '../src/routing.js';

describe('splitQueriesByShard', () => {
  // 3 queries of dim 2, nprobe 2; lists 0,1 on shard 0, lists 2,3 on shard 1, shard 2 owns list 4.
  const owner = Int32Array.of(0, 0, 1, 1, 2);
  const queries = Float32Array.of(0, 0, 1, 1, 2, 2);
  const lists = BigInt64Array.of(0n, 1n, 0n, 3n, 2n, 3n);
  const distances = Float32Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
  const parts = splitQueriesByShard(queries, 2, 2, lists, distances, owner, 3);

  it('sends a query only to shards owning one of its lists', () => {
    expect(parts.map((p) => [p.shard, [...p.queryIndex]])).toEqual([
      [0, [0, 1]],
      [1, [1, 2]],
    ]);
  });

  it('masks lists a shard does not own and keeps the centroid distances', () => {
    const [first, second] = parts;
    expect([...first.lists]).toEqual([0n, 1n, 0n, -1n]);
    expect([...second.lists]).toEqual([-1n, 3n, 2n, 3n]);
    expect([...second.queries]).toEqual([1, 1, 2, 2]);
    expect([...second.centroidDistances]).toEqual([0.3, 0.4, 0.5, 0.6].map(Math.fround));
  });
});

describe('groupVectorsByShard', () => {
  it('groups rows with their ids and lists', () => {
    const groups = groupVectorsByShard(
      BigInt64Array.of(5n, 6n, 7n),
      Float32Array.of(1, 2, 3),
      BigInt64Array.of(0n, 2n, 1n),
      1,
      (row) => [1, 0, 1][row],
      2,
    );
    expect(groups.map((g) => [g.shard, [...g.ids], [...g.vectors], [...g.lists]])).toEqual([
      [0, [6n], [2], [2n]],
      [1, [5n, 7n], [1, 3], [0n, 1n]],
    ]);
  });

  it('spreads scatter ids by value', () => {
    expect([0n, 1n, 2n, 3n, 2n ** 62n].map((id) => scatterShardOf(id, 3))).toEqual([0, 1, 2, 0, 1]);
  });
});
