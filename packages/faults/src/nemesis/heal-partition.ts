import type { ClusterNode } from '../topology/cluster-topology.js';

/** Flushes the cut rules of every node a partition touched. */
export async function healPartition(nodes: readonly ClusterNode[]): Promise<void> {
  await Promise.all(nodes.map((node) => node.filter.heal()));
}

export function addressesOf(nodes: readonly ClusterNode[]): string[] {
  return nodes.map((node) => node.address);
}
