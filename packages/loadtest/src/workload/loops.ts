import type { Operation } from './operations.js';

/** Runs one operation; `scheduledAt` is when it should have been sent (performance.now() time). */
export type Execute = (operation: Operation, scheduledAt: number) => Promise<void>;

/**
 * Closed loop: `concurrency` clients, each sending its next request as soon
 * as the previous reply arrives, until the request count or duration is reached.
 */
export async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  requests: number;
  next: () => Operation;
  execute: Execute;
}): Promise<void> {
  const deadline = performance.now() + options.durationMs;
  let issued = 0;
  const client = async () => {
    while (issued < options.requests && performance.now() < deadline) {
      issued++;
      await options.execute(options.next(), performance.now());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
}

/**
 * Open loop: requests leave at their scheduled times whether or not earlier
 * ones have answered, and each latency is measured from the scheduled time —
 * a stalled target therefore shows in the tail instead of silently slowing
 * the sender (coordinated omission). At most `maxInFlight` are outstanding;
 * arrivals still unsent `drainMs` after the schedule's end are given up and
 * counted, so a run never outlives its bound by more than that and the
 * outstanding requests' deadlines.
 */
export async function openLoop(options: {
  schedule: Float64Array;
  maxInFlight: number;
  drainMs: number;
  next: () => Operation;
  execute: Execute;
  onUnsent: (count: number) => void;
}): Promise<void> {
  const { schedule } = options;
  const startedAt = performance.now();
  const giveUpAt = startedAt + (schedule.length > 0 ? schedule[schedule.length - 1] : 0) + options.drainMs;
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < schedule.length; i++) {
    const scheduledAt = startedAt + schedule[i];
    const wait = scheduledAt - performance.now();
    if (wait >= 1) await sleep(wait);
    while (inFlight.size >= options.maxInFlight && performance.now() < giveUpAt) {
      await firstOf(inFlight, giveUpAt - performance.now());
    }
    if (performance.now() >= giveUpAt) {
      options.onUnsent(schedule.length - i);
      break;
    }
    const request = options.execute(options.next(), scheduledAt).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when any of the requests settles or `ms` pass; the timer is cleared so it never holds the process open. */
async function firstOf(requests: Set<Promise<void>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(1, ms));
  });
  try {
    await Promise.race([...requests, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
