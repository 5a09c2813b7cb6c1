import type { Nemesis } from '../nemesis/nemesis.js';
import { shuffle } from '../nemesis/random-picks.js';
import type { SeededRandom } from '../workload/seeded-random.js';

/**
 * The order the nemeses fire in: every one once in the order given, then
 * (while `timeLeft` says so) round after round, each in a new seeded order.
 * Quick runs give no time: one round.
 */
export function* nemesisSchedule(
  nemeses: readonly Nemesis[],
  random: SeededRandom,
  timeLeft: () => boolean,
): Generator<Nemesis> {
  yield* nemeses;
  while (timeLeft()) {
    for (const nemesis of shuffle(random, nemeses)) {
      if (!timeLeft()) return;
      yield nemesis;
    }
  }
}
