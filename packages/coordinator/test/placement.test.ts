import { describe, expect, it } from 'vitest';
import { countPerList, listOwners, placeLists, placeShards } from '../src/placement/list-placement.js';

describe('placeLists', () => {
  it('puts the largest lists first onto the least-loaded shard', () => {
    expect(placeLists([10, 1, 7, 3, 5, 2], 2)).toEqual([
      [0, 1, 3],
      [2, 4, 5],
    ]);
  });

  it('balances expected vectors within the largest list size', () => {
    const loads = Array.from({ length: 64 }, (_, i) => ((i * 37) % 23) + 1);
    const placement = placeLists(loads, 3);
    const totals = placement.map((lists) => lists.reduce((sum, list) => sum + loads[list], 0));
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(Math.max(...loads));
    expect(placement.flat().sort((a, b) => a - b)).toEqual(loads.map((_, i) => i));
  });

  it('is deterministic and spreads empty lists evenly', () => {
    const loads = new Array(9).fill(0);
    expect(placeLists(loads, 3)).toEqual(placeLists(loads, 3));
    expect(placeLists(loads, 3).map((lists) => lists.length)).toEqual([3, 3, 3]);
  });

  it('gives shards without lists when there are more shards than lists', () => {
    expect(placeLists([4, 2], 3)).toEqual([[0], [1], []]);
  });

  it('refuses a non-positive shard count', () => {
    expect(() => placeLists([1], 0)).toThrow(RangeError);
  });
});

describe('countPerList and listOwners', () => {
  it('counts assignments and builds the owner table', () => {
    expect([...countPerList(BigInt64Array.of(2n, 0n, 2n, -1n), 3)]).toEqual([1, 0, 2]);
    expect([...listOwners([[1], [0, 2]], 4)]).toEqual([1, 0, 1, -1]);
  });
});

describe('placeShards', () => {
  const loads = Float64Array.from({ length: 12 }, (_, i) => i + 1);
  const lists = { routing: 'lists' as const, nlist: 12 };

  it('puts every copy of a shard on a distinct worker, and as many copies on each worker', () => {
    const placement = placeShards({ ...lists, replicationFactor: 2 }, loads, ['a', 'b', 'c']);
    expect(placement.map((s) => s.replicas.map((r) => r.workerId))).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    for (const shard of placement) expect(shard.replicas.every((r) => r.state === 'ready')).toBe(true);
  });

  it('places fewer shards than workers when asked, copies still spread', () => {
    const placement = placeShards({ ...lists, replicationFactor: 3 }, loads, ['a', 'b', 'c', 'd'], 2);
    expect(placement).toHaveLength(2);
    expect(placement.map((s) => s.replicas.map((r) => r.workerId))).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    expect(placement.flatMap((s) => s.lists).sort((x, y) => x - y)).toEqual([...loads.keys()]);
  });

  it('refuses more copies than workers', () => {
    expect(() => placeShards({ ...lists, replicationFactor: 3 }, loads, ['a', 'b'])).toThrow(RangeError);
  });
});
