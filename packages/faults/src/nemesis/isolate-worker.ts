import { DETECTION_MARGIN_MS, WORKER_DETECTORS_MS } from './failure-detectors.js';
import { holdFor, type Nemesis } from './nemesis.js';
import { pick } from './random-picks.js';

/**
 * One worker cut off from everything (Redis, Sentinels, coordinators, the
 * other workers, the clients): its heartbeat lapses while it runs on, and
 * calls already sent to it hang rather than fail.
 */
export const isolateWorker: Nemesis = {
  name: 'isolate-worker',
  kind: 'network',
  summary: 'one worker cut off from every other node and from the clients',
  async inject(ctx) {
    const node = pick(ctx.random, ctx.topology.byRole('worker'));
    await node.filter.isolate();
    return [
      {
        description: `isolate ${node.name}`,
        healOrder: 'network',
        holdMs: holdFor(
          { quickMs: WORKER_DETECTORS_MS + DETECTION_MARGIN_MS, minMs: 5000, maxMs: 20_000 },
          ctx,
        ),
        heal: () => node.filter.heal(),
      },
    ];
  },
};
