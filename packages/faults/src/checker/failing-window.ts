import type { RegisterOperation } from './register-operations.js';
import {
  type RegisterState,
  type SearchedOperation,
  searchLinearization,
  UNCONSTRAINED,
} from './register-search.js';

/** Windows up to this long are searched exhaustively for a shorter one than the first found. */
const EXHAUSTIVE_WINDOW_LIMIT = 32;

export interface Window {
  /** Positions in the id's checked operations, both included. */
  start: number;
  end: number;
}

/**
 * Whether operations[start..end] alone admit no linearization. What lies
 * outside only relaxes the question, so a failing window proves the anomaly:
 * the register may hold any value when the window starts (unless it starts the
 * history), and every write outside it that overlaps it may take effect
 * within it, or never. Writes completed before the window began are summed up
 * by that free starting value; those sent after every window operation with a
 * known end completed cannot change what the window's reads saw.
 */
export function windowFails(
  operations: readonly RegisterOperation[],
  window: Window,
  maxStates: number,
): boolean {
  const inside = operations.slice(window.start, window.end + 1);
  const begins = inside[0].call;
  const horizon = Math.max(-Infinity, ...inside.filter((o) => Number.isFinite(o.ret)).map((o) => o.ret));
  const overlapping = operations.filter(
    (o, position) =>
      o.write &&
      ((position < window.start && o.ret >= begins) || (position > window.end && o.call <= horizon)),
  );
  const searched: SearchedOperation[] = [
    ...inside,
    ...overlapping.map((o) => ({ write: true, value: o.value, call: o.call, ret: Infinity })),
  ];
  const initial: RegisterState = window.start === 0 ? null : UNCONSTRAINED;
  return searchLinearization(searched, initial, maxStates) === 'not-linearizable';
}

/**
 * The shortest failing window of a failing history: first the shortest
 * failing prefix, then its shortest failing suffix (binary searches, as a
 * window grows harder to explain the more it holds), then, when that is short,
 * every shorter window in turn. Undefined when no window is proven to fail
 * within the search bound.
 */
export function smallestFailingWindow(
  operations: readonly RegisterOperation[],
  maxStates: number,
): Window | undefined {
  const last = operations.length - 1;
  if (last < 0 || !windowFails(operations, { start: 0, end: last }, maxStates)) return undefined;
  const end = firstTrue(0, last, (end) => windowFails(operations, { start: 0, end }, maxStates));
  const start = lastTrue(0, end, (start) => windowFails(operations, { start, end }, maxStates));
  const found = { start, end };
  const length = end - start + 1;
  if (length > EXHAUSTIVE_WINDOW_LIMIT) return found;
  for (let shorter = 1; shorter < length; shorter++) {
    for (let from = 0; from + shorter - 1 <= last; from++) {
      const window = { start: from, end: from + shorter - 1 };
      if (windowFails(operations, window, maxStates)) return window;
    }
  }
  return found;
}

/** The smallest value in [low, high] where `holds` is true, given it holds at `high`. */
function firstTrue(low: number, high: number, holds: (at: number) => boolean): number {
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return high;
}

/** The largest value in [low, high] where `holds` is true, given it holds at `low`. */
function lastTrue(low: number, high: number, holds: (at: number) => boolean): number {
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (holds(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
