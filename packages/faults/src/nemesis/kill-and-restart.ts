import type { NodeRole } from '../topology/cluster-layout.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';

/**
 * kill -9 of one node of `role` (picked by the seed); healed by starting it
 * again with the same identity, address and data folder. A worker comes back
 * empty and must be refilled; a coordinator loses what it had in memory
 * (write queues, jobs it ran).
 */
export function killAndRestart(role: Extract<NodeRole, 'worker' | 'coordinator'>): Nemesis {
  return {
    name: `kill-${role}`,
    kind: 'process',
    summary: `kill -9 of a ${role}, started again after the hold`,
    async inject(ctx) {
      const node = pick(ctx.random, ctx.topology.byRole(role));
      await node.process.signal('SIGKILL');
      return [
        {
          description: `kill -9 ${node.name}`,
          healOrder: 'process',
          holdMs: holdFor({ quickMs: 6000, minMs: 3000, maxMs: 20_000 }, ctx),
          heal: () => ctx.topology.restart(node),
        },
      ];
    },
  };
}
