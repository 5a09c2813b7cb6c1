import { addressesOf } from './heal-partition.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';

/**
 * One coordinator cut off from Redis and the Sentinels while it still reaches
 * the workers and the clients reach it: it can no longer read or change the
 * cluster state (replica states, the write log), but could still send writes.
 */
export const coordinatorRedisCut: Nemesis = {
  name: 'coordinator-redis-cut',
  kind: 'network',
  summary: 'a coordinator cut off from Redis and the Sentinels, not from the workers or clients',
  async inject(ctx) {
    const { topology } = ctx;
    const node = pick(ctx.random, topology.byRole('coordinator'));
    await node.filter.cut(addressesOf([...topology.byRole('redis'), ...topology.byRole('sentinel')]));
    return [
      {
        description: `cut ${node.name} from Redis and the Sentinels`,
        healOrder: 'network',
        holdMs: holdFor({ quickMs: 8000, minMs: 5000, maxMs: 20_000 }, ctx),
        heal: () => node.filter.heal(),
      },
    ];
  },
};
