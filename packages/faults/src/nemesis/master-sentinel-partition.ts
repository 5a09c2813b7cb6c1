import { addressesOf } from './heal-partition.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { masterNow, waitForNewMaster } from './redis-master-change.js';

/**
 * The Redis master cut off from the Sentinels while the coordinators, the
 * workers and its replica still reach it: the Sentinels promote the replica,
 * and clients still connected to the old master go on writing there until
 * the partition heals and the Sentinels demote it, discarding those writes
 * (Redis' documented split brain). Held a while after the promotion, so
 * the two masters overlap.
 */
export const masterSentinelPartition: Nemesis = {
  name: 'redis-master-from-sentinels',
  kind: 'redis',
  summary: 'the Redis master cut off from the Sentinels only; they promote the replica meanwhile',
  async inject(ctx) {
    const { topology } = ctx;
    const old = await masterNow(topology);
    await old.filter.cut(addressesOf(topology.byRole('sentinel')));
    return [
      {
        description: `cut Redis master ${old.name} from the Sentinels`,
        healOrder: 'network',
        takesEffect: async () => `${(await waitForNewMaster(topology, old)).name} promoted`,
        holdMs: holdFor({ quickMs: 4000, minMs: 2000, maxMs: 10_000 }, ctx),
        heal: () => old.filter.heal(),
      },
    ];
  },
};
