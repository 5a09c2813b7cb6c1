import type { SeededRandom } from '../workload/seeded-random.js';

/** One of the items, each as likely. */
export function pick<T>(random: SeededRandom, items: readonly T[]): T {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[random.int(0, items.length - 1)];
}

/** A new array with the items in a random order (Fisher–Yates). */
export function shuffle<T>(random: SeededRandom, items: readonly T[]): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}
