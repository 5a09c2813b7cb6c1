import { describe, expect, it } from 'vitest';
import { closedLoop, openLoop } from '../src/workload/loops.js';
import type { Operation } from '../src/workload/operations.js';
import { poissonArrivals } from '../src/workload/poisson-arrivals.js';

const operation: Operation = { kind: 'search', firstQuery: 0, queries: new Float32Array(2), count: 1 };
const next = () => operation;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Poisson arrivals', () => {
  it('stay inside the duration, in order, at about the asked rate', () => {
    const rate = 2000;
    const times = poissonArrivals({ rate, durationMs: 5000, maxRequests: 1_000_000, seed: 3 });
    // 10 000 expected; a Poisson count's standard deviation is 100, so 5σ bounds never fail by chance.
    expect(times.length).toBeGreaterThan(10_000 - 500);
    expect(times.length).toBeLessThan(10_000 + 500);
    expect(times[0]).toBeGreaterThanOrEqual(0);
    expect(times[times.length - 1]).toBeLessThan(5000);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeCloseTo(1000 / rate, 1);
    // Exponential gaps: their standard deviation equals their mean (a fixed-interval sender would show 0).
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(sd / mean).toBeGreaterThan(0.9);
    expect(sd / mean).toBeLessThan(1.1);
  });

  it('stop at the request cap, repeat for a seed and need some bound', () => {
    expect(
      poissonArrivals({ rate: 1000, durationMs: Number.POSITIVE_INFINITY, maxRequests: 50, seed: 1 }).length,
    ).toBe(50);
    const a = poissonArrivals({ rate: 100, durationMs: 1000, maxRequests: 1000, seed: 9 });
    expect(poissonArrivals({ rate: 100, durationMs: 1000, maxRequests: 1000, seed: 9 })).toEqual(a);
    expect(() =>
      poissonArrivals({
        rate: 1,
        durationMs: Number.POSITIVE_INFINITY,
        maxRequests: Number.POSITIVE_INFINITY,
        seed: 1,
      }),
    ).toThrow(/finite/);
    expect(() => poissonArrivals({ rate: 0, durationMs: 1000, maxRequests: 10, seed: 1 })).toThrow(
      /positive/,
    );
  });
});

describe('open loop', () => {
  it('hands each request its scheduled send time, not the time it finally went out', async () => {
    const schedule = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const scheduled: number[] = [];
    const sentAt: number[] = [];
    // One request at a time and each takes 15 ms: later ones go out well after their slot.
    await openLoop({
      schedule,
      maxInFlight: 1,
      drainMs: 60_000,
      next,
      onUnsent: () => {},
      execute: async (_, scheduledAt) => {
        scheduled.push(scheduledAt);
        sentAt.push(performance.now());
        await sleep(15);
      },
    });
    expect(scheduled).toHaveLength(6);
    for (const [i, t] of scheduled.entries())
      expect(t - scheduled[0]).toBeCloseTo(schedule[i] - schedule[0], 6);
    expect(sentAt[5]).toBeGreaterThan(scheduled[5]);
  });

  it('gives up on arrivals still unsent after the drain time, and counts them', async () => {
    const schedule = Float64Array.from({ length: 100 }, (_, i) => i * 0.5);
    let executed = 0;
    let unsent = 0;
    await openLoop({
      schedule,
      maxInFlight: 1,
      drainMs: 0,
      next,
      onUnsent: (n) => {
        unsent += n;
      },
      execute: async () => {
        executed++;
        await sleep(30);
      },
    });
    expect(unsent).toBeGreaterThan(0);
    expect(executed + unsent).toBe(100);
  });

  it('keeps many requests in flight when the target is slow', async () => {
    let inFlight = 0;
    let most = 0;
    await openLoop({
      schedule: new Float64Array(20),
      maxInFlight: 8,
      drainMs: 60_000,
      next,
      onUnsent: () => {},
      execute: async () => {
        most = Math.max(most, ++inFlight);
        await sleep(10);
        inFlight--;
      },
    });
    expect(most).toBe(8);
  });
});

describe('closed loop', () => {
  it('sends exactly the requested count with N clients, never more than N at once', async () => {
    let executed = 0;
    let inFlight = 0;
    let most = 0;
    await closedLoop({
      concurrency: 4,
      durationMs: Number.POSITIVE_INFINITY,
      requests: 17,
      next,
      execute: async () => {
        executed++;
        most = Math.max(most, ++inFlight);
        await sleep(1);
        inFlight--;
      },
    });
    expect(executed).toBe(17);
    expect(most).toBe(4);
  });

  it('stops at the duration when the request count is far away', async () => {
    let executed = 0;
    await closedLoop({
      concurrency: 2,
      durationMs: 50,
      requests: 1_000_000,
      next,
      execute: async () => {
        executed++;
        await sleep(5);
      },
    });
    expect(executed).toBeGreaterThan(0);
    expect(executed).toBeLessThan(1_000_000);
  });
});
