import type { ClusterNode, ClusterTopology } from '../topology/cluster-topology.js';
import { SENTINEL_DOWN_AFTER_MS, SENTINEL_FAILOVER_TIMEOUT_MS } from '../topology/redis-config.js';
import { waitFor } from '../topology/wait-for.js';

/** The master the Sentinels agree on now; a Redis nemesis needs one to aim at. */
export async function masterNow(topology: ClusterTopology): Promise<ClusterNode> {
  const master = await topology.currentMaster();
  if (!master) throw new Error('the Sentinels agree on no master: Redis is not healthy');
  return master;
}

/** Resolves once a majority of the Sentinels names another master than `old`. */
export async function waitForNewMaster(topology: ClusterTopology, old: ClusterNode): Promise<ClusterNode> {
  let master: ClusterNode | undefined;
  await waitFor(
    `the Sentinels electing a master other than ${old.name}`,
    async () => {
      master = await topology.currentMaster();
      return master !== undefined && master !== old;
    },
    SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_TIMEOUT_MS * 2,
  );
  return master!;
}
