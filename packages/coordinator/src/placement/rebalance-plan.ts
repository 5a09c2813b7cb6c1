/** One planned move: lists from one shard to another. */
export interface ListMove {
  from: number;
  to: number;
  lists: number[];
}

/**
 * The fewest list moves that bring every shard's vector load within
 * `tolerance` of the mean: repeatedly the heaviest shard gives the lightest
 * the largest list that does not overshoot the mean. `listVectors` holds the
 * vectors per list now; `owned[s]` the lists of shard s (new, empty shards
 * included). Moves between the same pair of shards are merged.
 */
export function planListMoves(
  listVectors: ArrayLike<number>,
  owned: number[][],
  tolerance = 0.05,
): ListMove[] {
  const lists = owned.map((l) => new Set(l));
  const load = lists.map((set) => [...set].reduce((sum, l) => sum + listVectors[l], 0));
  const mean = load.reduce((a, b) => a + b, 0) / Math.max(1, load.length);
  const moves = new Map<string, ListMove>();
  for (let guard = 0; guard < listVectors.length; guard++) {
    const heaviest = load.indexOf(Math.max(...load));
    const lightest = load.indexOf(Math.min(...load));
    if (heaviest === lightest || load[heaviest] <= mean * (1 + tolerance)) break;
    const room = Math.min(load[heaviest] - mean, mean - load[lightest]);
    let pick = -1;
    for (const list of lists[heaviest]) {
      const size = listVectors[list];
      if (size > 0 && size <= room * 2 && (pick === -1 || size > listVectors[pick])) pick = list;
    }
    if (pick === -1) break;
    lists[heaviest].delete(pick);
    lists[lightest].add(pick);
    load[heaviest] -= listVectors[pick];
    load[lightest] += listVectors[pick];
    const key = `${heaviest}>${lightest}`;
    const move = moves.get(key) ?? { from: heaviest, to: lightest, lists: [] };
    move.lists.push(pick);
    moves.set(key, move);
  }
  return [...moves.values()];
}
