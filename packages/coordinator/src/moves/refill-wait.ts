import type { CoordinatorContext } from '../context.js';
import type { JobData } from '../jobs/job-kinds.js';
import { RetryLater } from '../jobs/retry-later.js';

/** How often a move waiting for refills looks again: the refill watch's own period. */
const LOOK_AGAIN_MS = 2000;

/** Collections a pass of a move left alone because they were loading, each with why. */
export type LeftLoading = Map<string, string>;

/**
 * Called after a pass of a rebalance or drain that moved what it could: if it
 * left collections alone because they were loading, puts the job back in the
 * queue (RetryLater, with `resume(waitingSinceMs)` as its data) to look again
 * shortly, until `ctx.moveWaitForRefillMs` has passed since it first found
 * one loading. Returns when nothing was left, or when the wait ran out (the
 * caller then reports them as left in place).
 */
export function waitForRefills(
  ctx: CoordinatorContext,
  left: LeftLoading,
  waitingSinceMs: number | undefined,
  resume: (waitingSinceMs: number) => JobData,
): void {
  if (left.size === 0) return;
  const since = waitingSinceMs ?? Date.now();
  if (Date.now() - since >= ctx.moveWaitForRefillMs) return;
  const named = [...left].map(([name, why]) => `"${name}" (${why})`).join(', ');
  throw new RetryLater(`waiting for collections being refilled: ${named}`, LOOK_AGAIN_MS, resume(since));
}

/**
 * What a finished move says of the loading collections it met: those it
 * waited for (and then moved), and those still loading when the wait ran
 * out, which it left where they were.
 */
export function refillReport(waitedFor: string[], left: LeftLoading) {
  return {
    waitedForRefill: waitedFor.filter((name) => !left.has(name)),
    leftLoading: [...left].map(([collection, why]) => ({ collection, why })),
  };
}

/** The collections waited for so far, those of this pass included, each once. */
export function waitedSoFar(earlier: string[] | undefined, left: LeftLoading): string[] {
  return [...new Set([...(earlier ?? []), ...left.keys()])];
}
