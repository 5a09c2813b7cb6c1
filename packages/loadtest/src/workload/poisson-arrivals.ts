import { SeededRandom } from '@vecshard/datasets';

/**
 * Send times (ms from the start) of a Poisson process at `rate` per second:
 * exponential gaps with mean 1000/rate, every time before `durationMs`, and
 * at most `maxRequests` of them. Seeded, so a run's schedule is reproducible.
 */
export function poissonArrivals(options: {
  rate: number;
  durationMs: number;
  maxRequests: number;
  seed: number;
}): Float64Array {
  const { rate, durationMs, maxRequests } = options;
  if (!(rate > 0)) throw new RangeError(`arrival rate must be positive, got ${rate}`);
  if (!Number.isFinite(durationMs) && !Number.isFinite(maxRequests)) {
    throw new RangeError('an arrival schedule needs a finite duration or request count');
  }
  const random = new SeededRandom(options.seed);
  const meanGapMs = 1000 / rate;
  const limit = Math.min(
    maxRequests,
    Number.isFinite(durationMs) ? Math.ceil(rate * (durationMs / 1000) * 2 + 100) : maxRequests,
  );
  const times = new Float64Array(limit);
  let count = 0;
  let at = random.exponential(meanGapMs);
  while (count < limit && at < durationMs) {
    times[count++] = at;
    at += random.exponential(meanGapMs);
  }
  return times.subarray(0, count);
}
