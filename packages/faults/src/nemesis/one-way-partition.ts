import type { ClusterNode, ClusterTopology } from '../topology/cluster-topology.js';
import { DETECTION_MARGIN_MS, WORKER_DETECTORS_MS } from './failure-detectors.js';
import { addressesOf } from './heal-partition.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';

/** A one-way cut: packets from `from` to `to` are dropped, the other way they pass. */
interface OneWayCut {
  from: string;
  to: string;
  /** The node whose firewall drops them, and the peers it drops them to or from. */
  at: ClusterNode;
  peers: ClusterNode[];
  direction: 'inbound' | 'outbound';
}

/**
 * Packets dropped in one direction only (iptables DROP on one side, for one
 * direction). Drawn by the seed from the cuts that fool a failure detector
 * in different ways: a worker whose answers never reach the coordinators
 * (requests arrive, it stays alive in Redis), coordinators whose requests
 * never reach a worker, a worker whose heartbeats never reach Redis while it
 * keeps serving, and a coordinator whose requests never reach any worker.
 */
export const oneWayPartition: Nemesis = {
  name: 'one-way',
  kind: 'network',
  summary: 'packets dropped in one direction only (worker↔coordinators, worker→Redis, coordinator→workers)',
  async inject(ctx) {
    const { topology, random } = ctx;
    const worker = pick(random, topology.byRole('worker'));
    const coordinator = pick(random, topology.byRole('coordinator'));
    const cut = pick(random, oneWayCuts(topology, worker, coordinator));
    await cut.at.filter.cut(addressesOf(cut.peers), cut.direction);
    return [
      {
        description: `drop ${cut.from} → ${cut.to}`,
        healOrder: 'network',
        holdMs: holdFor(
          { quickMs: WORKER_DETECTORS_MS + DETECTION_MARGIN_MS, minMs: 5000, maxMs: 20_000 },
          ctx,
        ),
        heal: () => cut.at.filter.heal(),
      },
    ];
  },
};

function oneWayCuts(topology: ClusterTopology, worker: ClusterNode, coordinator: ClusterNode): OneWayCut[] {
  const coordinators = topology.byRole('coordinator');
  const redis = [...topology.byRole('redis'), ...topology.byRole('sentinel')];
  return [
    { from: worker.name, to: 'coordinators', at: worker, peers: coordinators, direction: 'outbound' },
    { from: 'coordinators', to: worker.name, at: worker, peers: coordinators, direction: 'inbound' },
    { from: worker.name, to: 'Redis and Sentinels', at: worker, peers: redis, direction: 'outbound' },
    {
      from: coordinator.name,
      to: 'workers',
      at: coordinator,
      peers: topology.byRole('worker'),
      direction: 'outbound',
    },
  ];
}
