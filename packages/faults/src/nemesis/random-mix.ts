import { healInOrder, type InjectedFault, type Nemesis, type NemesisContext } from './nemesis.js';
import { pick } from './random-picks.js';

/**
 * A random mix of the other nemeses, drawn by the seed: each time one of
 * them, or two at once of different kinds (a worker killed while the Redis
 * master fails over, a coordinator paused inside a split …). Faults that
 * overlap on one node are allowed: heals run network first, so a node
 * restarted after a kill finds its peers.
 */
export function randomMix(nemeses: readonly Nemesis[]): Nemesis {
  return {
    name: 'mix',
    kind: 'mix',
    summary: 'a seeded random mix of the others, sometimes two at once',
    async inject(ctx: NemesisContext): Promise<InjectedFault[]> {
      const first = pick(ctx.random, nemeses);
      const together = ctx.random.int(0, 2) === 0;
      const chosen = together
        ? [
            first,
            pick(
              ctx.random,
              nemeses.filter((n) => n.kind !== first.kind),
            ),
          ]
        : [first];
      const faults: InjectedFault[] = [];
      try {
        for (const nemesis of chosen) {
          const injected = await nemesis.inject(ctx);
          faults.push(
            ...injected.map((fault) => ({ ...fault, description: `${nemesis.name}: ${fault.description}` })),
          );
        }
      } catch (error) {
        await healInOrder(faults);
        throw error;
      }
      return faults;
    },
  };
}
