import type { Subnet } from './subnet.js';

export type NodeRole = 'redis' | 'sentinel' | 'coordinator' | 'worker';

/** One node of the cluster under test: one process in one namespace, at one address. */
export interface NodePlan {
  /** "redis-0", "sentinel-2", "coordinator-1", "worker-3" */
  name: string;
  role: NodeRole;
  /** Its position, which names its veth pair. */
  index: number;
  address: string;
}

export interface LayoutOptions {
  /**
   * Redis data nodes: a master and its replicas. Three, because the master
   * refuses writes while no replica is in touch (min-replicas-to-write 1):
   * with one replica, a promoted master could take no write until the old one
   * rejoined as its replica; with two, one fault still leaves it a replica.
   */
  redis: number;
  workers: number;
  coordinators: number;
  /** Sentinels (an odd number, so a majority can always decide a failover). */
  sentinels: number;
}

/** Host numbers per role on the /24, so an address in a log says what it is: .1x Redis, .2x Sentinels … */
const FIRST_HOST: Record<NodeRole, number> = { redis: 10, sentinel: 20, coordinator: 30, worker: 40 };

/**
 * The cluster's nodes: the Redis data nodes (a master and replicas at the start),
 * the Sentinels watching them, the coordinators and the shard workers.
 */
export function planCluster(subnet: Subnet, options: LayoutOptions): NodePlan[] {
  const counts: [NodeRole, number][] = [
    ['redis', options.redis],
    ['sentinel', options.sentinels],
    ['coordinator', options.coordinators],
    ['worker', options.workers],
  ];
  let index = 0;
  return counts.flatMap(([role, count]) =>
    Array.from({ length: count }, (_, i) => ({
      name: `${role}-${i}`,
      role,
      index: index++,
      address: subnet.address(FIRST_HOST[role] + i),
    })),
  );
}
