import { describe, expect, it } from 'vitest';
import { CI_NEMESES, NEMESES } from '../src/nemesis/nemesis-catalog.js';
import { nemesisSchedule } from '../src/run/nemesis-schedule.js';
import { runOptionsFrom } from '../src/run/run-options.js';
import { SeededRandom } from '../src/workload/seeded-random.js';

const names = (nemeses: Iterable<{ name: string }>) => [...nemeses].map((n) => n.name);

describe('which nemeses a run fires', () => {
  it('quick: every nemesis once, in the catalog order, the mix last', () => {
    const options = runOptionsFrom({ quick: true, seed: '3' }, '/out');
    const schedule = nemesisSchedule(options.nemeses, SeededRandom.stream(3, 1000), () => false);
    expect(names(schedule)).toEqual(names(NEMESES));
    expect(names(NEMESES)).toEqual([
      'kill-worker',
      'kill-coordinator',
      'pause-worker',
      'pause-coordinator',
      'isolate-worker',
      'coordinator-redis-cut',
      'split',
      'one-way',
      'redis-failover',
      'kill-redis-master',
      'redis-master-from-sentinels',
      'mix',
    ]);
    expect(options).toMatchObject({ quick: true, ci: false, seed: 3, durationMs: 0, outDir: '/out' });
  });

  it('ci: the worker kill, the worker isolation and the Redis failover, quick', () => {
    const options = runOptionsFrom({ ci: true }, '/out');
    expect(names(options.nemeses)).toEqual(['kill-worker', 'isolate-worker', 'redis-failover']);
    expect(names(options.nemeses)).toEqual(CI_NEMESES);
    expect(options.quick).toBe(true);
    expect(Number.isInteger(options.seed)).toBe(true);
  });

  it('full: round after round while time is left, each round in an order the seed fixes', () => {
    const options = runOptionsFrom(
      { nemesis: ['kill-worker', 'split', 'redis-failover'], seed: '9' },
      '/out',
    );
    expect(options.durationMs).toBe(900_000);
    const rounds = (seed: number) => {
      let left = 9;
      return names(nemesisSchedule(options.nemeses, SeededRandom.stream(seed, 1000), () => left-- > 0));
    };
    const first = rounds(9);
    expect(first.slice(0, 3)).toEqual(['kill-worker', 'split', 'redis-failover']);
    expect(first.length).toBeGreaterThan(6);
    for (let round = 3; round + 3 <= first.length; round += 3) {
      expect([...first.slice(round, round + 3)].sort()).toEqual(['kill-worker', 'redis-failover', 'split']);
    }
    expect(rounds(9)).toEqual(first);
  });

  it('refuses a nemesis it does not know, naming those it does', () => {
    expect(() => runOptionsFrom({ nemesis: ['kill-everything'] }, '/out')).toThrow(
      /no nemesis "kill-everything"; there are: kill-worker, /,
    );
    expect(() => runOptionsFrom({ seed: 'x' }, '/out')).toThrow(/--seed must be a non-negative integer/);
  });
});
