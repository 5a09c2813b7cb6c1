import { describe, expect, it } from 'vitest';
import { RollingKeys } from '../src/workload/rolling-keys.js';
import { SeededRandom } from '../src/workload/seeded-random.js';

describe('rolling keys', () => {
  it('hands out a slot’s id until it had its operations, then a fresh one', () => {
    const keys = new RollingKeys(2, 3, 100);
    expect(keys.used).toEqual([1, 2]);
    expect([keys.take(0), keys.take(0), keys.take(0), keys.take(0)]).toEqual([1, 1, 1, 3]);
    expect(keys.take(1)).toBe(2);
    expect(keys.used).toEqual([1, 2, 3]);
  });

  it('numbers each id’s writes from 1', () => {
    const keys = new RollingKeys(1, 10, 100);
    expect([keys.nextWrite(1), keys.nextWrite(1), keys.nextWrite(2)]).toEqual([1, 2, 1]);
  });

  it('refuses to run past the ids the vectors can encode', () => {
    const keys = new RollingKeys(1, 1, 3);
    keys.take(0);
    expect(() => keys.take(0)).toThrow(/ran out of ids/);
  });
});

describe('seeded random', () => {
  it('repeats a stream for a seed, and gives each stream its own choices', () => {
    const draw = (seed: number, stream: number) => {
      const random = SeededRandom.stream(seed, stream);
      return Array.from({ length: 20 }, () => random.int(0, 1000));
    };
    expect(draw(7, 0)).toEqual(draw(7, 0));
    expect(draw(7, 1)).not.toEqual(draw(7, 0));
    expect(draw(8, 0)).not.toEqual(draw(7, 0));
  });

  it('chooses by weight', () => {
    const random = SeededRandom.stream(1, 0);
    const counts = { rare: 0, common: 0, never: 0 };
    for (let i = 0; i < 4000; i++) {
      counts[
        random.weighted([
          ['rare', 1],
          ['common', 3],
          ['never', 0],
        ] as const)
      ]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.common / counts.rare).toBeGreaterThan(2);
    expect(counts.common / counts.rare).toBeLessThan(4);
  });
});
