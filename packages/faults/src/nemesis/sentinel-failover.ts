import { MASTER_NAME, SENTINEL_PORT } from '../topology/redis-config.js';
import { ask } from '../topology/redis-probe.js';
import type { Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';
import { masterNow, waitForNewMaster } from './redis-master-change.js';

/**
 * SENTINEL FAILOVER: the replica is promoted and the old master made its
 * replica, with no fault at all; every coordinator and worker must follow
 * the Sentinels to the new master (the Sentinel closes their connections to
 * the old one, which refuses writes READONLY meanwhile). In effect once the
 * Sentinels name the new master; nothing to heal (the recovery wait sees the
 * old master replicate from the new one).
 */
export const sentinelFailover: Nemesis = {
  name: 'redis-failover',
  kind: 'redis',
  summary: 'SENTINEL FAILOVER: the Redis replica promoted, the master demoted',
  async inject(ctx) {
    const { topology } = ctx;
    const old = await masterNow(topology);
    const sentinel = pick(ctx.random, topology.byRole('sentinel'));
    await ask(sentinel.address, SENTINEL_PORT, 'SENTINEL', 'FAILOVER', MASTER_NAME);
    return [
      {
        description: `SENTINEL FAILOVER via ${sentinel.name} (master ${old.name})`,
        healOrder: 'redis',
        takesEffect: async () => `${(await waitForNewMaster(topology, old)).name} promoted`,
        holdMs: 0,
        heal: async () => {},
      },
    ];
  },
};
