import { addressesOf, healPartition } from './heal-partition.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { shuffle } from './random-picks.js';

/**
 * The cluster split in two, a majority and a minority of the nodes, drawn by
 * the seed from every role (Redis and the Sentinels included, so either side
 * may hold the master and either may hold the Sentinels' majority). The
 * clients, in the root namespace, still reach both sides.
 */
export const majoritySplit: Nemesis = {
  name: 'split',
  kind: 'network',
  summary: 'the nodes split into a majority and a minority that cannot reach each other',
  async inject(ctx) {
    const shuffled = shuffle(ctx.random, ctx.topology.nodes);
    const minority = shuffled.slice(0, Math.floor(shuffled.length / 2));
    const majority = shuffled.slice(minority.length);
    // Both directions are dropped on the minority's side: one rule set per node, and the cut is whole.
    await Promise.all(minority.map((node) => node.filter.cut(addressesOf(majority))));
    return [
      {
        description: `split {${minority.map((n) => n.name).join(' ')}} from the rest`,
        healOrder: 'network',
        holdMs: holdFor({ quickMs: 12_000, minMs: 8000, maxMs: 25_000 }, ctx),
        heal: () => healPartition(minority),
      },
    ];
  },
};
