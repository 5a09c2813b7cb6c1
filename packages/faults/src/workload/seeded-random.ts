import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Seeded choices: one run's seed fixes what each client loop chooses, in order. */
export class SeededRandom {
  private constructor(private readonly rng: RandomGenerator) {}

  /** The stream of loop `stream` of a run: streams of one seed never overlap (xoroshiro jumps). */
  static stream(seed: number, stream: number): SeededRandom {
    const rng = xoroshiro128plus(seed);
    for (let jumps = 0; jumps < stream; jumps++) rng.jump();
    return new SeededRandom(rng);
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let ticket = this.int(1, total);
    for (const [choice, weight] of choices) {
      ticket -= weight;
      if (ticket <= 0) return choice;
    }
    return choices[choices.length - 1][0];
  }
}
