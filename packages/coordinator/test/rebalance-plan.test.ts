import { describe, expect, it } from 'vitest';
import { planListMoves } from '../src/placement/rebalance-plan.js';

const loadAfter = (vectors: number[], owned: number[][], moves: ReturnType<typeof planListMoves>) => {
  const shards = owned.map((lists) => new Set(lists));
  for (const move of moves)
    for (const list of move.lists) {
      shards[move.from].delete(list);
      shards[move.to].add(list);
    }
  return shards.map((lists) => [...lists].reduce((sum, l) => sum + vectors[l], 0));
};

describe('planListMoves', () => {
  it('fills a new, empty shard to within 5 % of the mean, moving lists off the heaviest', () => {
    const vectors = Array.from({ length: 30 }, (_, l) => 10 + (l % 7));
    const owned = [Array.from({ length: 15 }, (_, l) => l), Array.from({ length: 15 }, (_, l) => l + 15), []];
    const moves = planListMoves(vectors, owned);
    const loads = loadAfter(vectors, owned, moves);
    const mean = loads.reduce((a, b) => a + b, 0) / 3;
    expect(Math.max(...loads)).toBeLessThanOrEqual(mean * 1.05 + Math.max(...vectors));
    expect(moves.every((m) => m.to === 2)).toBe(true);
  });

  it('moves nothing when the shards are already even', () => {
    expect(
      planListMoves(
        [5, 5, 5, 5],
        [
          [0, 1],
          [2, 3],
        ],
      ),
    ).toEqual([]);
  });

  it('moves as few lists as it can: large ones first', () => {
    const vectors = [100, 1, 1, 1, 1, 100];
    const moves = planListMoves(vectors, [[0, 1, 2, 3, 4, 5], []]);
    expect(moves).toEqual([{ from: 0, to: 1, lists: [0] }]);
  });
});
