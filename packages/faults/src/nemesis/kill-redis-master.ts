import type { Nemesis } from './nemesis.js';
import { masterNow, waitForNewMaster } from './redis-master-change.js';

/**
 * kill -9 of the Redis master: the Sentinels notice it within their
 * down-after time and promote the replica. Healed by starting the old master
 * again as a replica of the new one (its append-only file is replaced by a
 * full sync).
 */
export const killRedisMaster: Nemesis = {
  name: 'kill-redis-master',
  kind: 'redis',
  summary: 'kill -9 of the Redis master; restarted as a replica once the Sentinels promoted the other',
  async inject(ctx) {
    const { topology } = ctx;
    const old = await masterNow(topology);
    await old.process.signal('SIGKILL');
    return [
      {
        description: `kill -9 Redis master ${old.name}`,
        healOrder: 'redis',
        takesEffect: async () => `${(await waitForNewMaster(topology, old)).name} promoted`,
        holdMs: 0,
        heal: () => topology.restart(old),
      },
    ];
  },
};
