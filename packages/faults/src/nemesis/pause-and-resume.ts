import type { NodeRole } from '../topology/cluster-layout.js';
import { DETECTION_MARGIN_MS, JOB_LOCK_MS, WORKER_DETECTORS_MS } from './failure-detectors.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';

/**
 * SIGSTOP of one node of `role` for longer than the detectors that should
 * notice it (a worker's heartbeat and read lease; a coordinator's job lock), then SIGCONT: a
 * process that resumes believing nothing happened, with requests and lock
 * renewals it sent before the pause still in flight.
 */
export function pauseAndResume(role: Extract<NodeRole, 'worker' | 'coordinator'>): Nemesis {
  const detectorMs = role === 'worker' ? WORKER_DETECTORS_MS : JOB_LOCK_MS;
  const quickMs = detectorMs + DETECTION_MARGIN_MS;
  return {
    name: `pause-${role}`,
    kind: 'process',
    summary: `SIGSTOP of a ${role} for longer than its failure detector (${detectorMs / 1000} s), then SIGCONT`,
    async inject(ctx) {
      const node = pick(ctx.random, ctx.topology.byRole(role));
      await node.process.signal('SIGSTOP');
      return [
        {
          description: `SIGSTOP ${node.name}`,
          healOrder: 'process',
          holdMs: holdFor({ quickMs, minMs: quickMs, maxMs: quickMs + 12_000 }, ctx),
          heal: () => node.process.signal('SIGCONT'),
        },
      ];
    },
  };
}
