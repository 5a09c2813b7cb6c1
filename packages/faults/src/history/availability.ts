import { isWrite, type Operation } from './operation.js';

/** Writes (upserts and deletes) or reads. */
export type AvailabilityKind = 'write' | 'read';

export interface OperationCounts {
  operations: number;
  ok: number;
  unknown: number;
  failed: number;
}

function isKind(operation: Operation, kind: AvailabilityKind | undefined): boolean {
  return kind === undefined || isWrite(operation) === (kind === 'write');
}

/** Counts of the operations invoked in [fromMs, toMs), by outcome (one nemesis window, say). */
export function countOperations(
  operations: readonly Operation[],
  fromMs: number,
  toMs: number,
  kind?: AvailabilityKind,
): OperationCounts {
  const counts: OperationCounts = { operations: 0, ok: 0, unknown: 0, failed: 0 };
  for (const operation of operations) {
    if (operation.invokedMs < fromMs || operation.invokedMs >= toMs || !isKind(operation, kind)) continue;
    counts.operations++;
    if (operation.outcome === 'ok') counts.ok++;
    else if (operation.outcome === 'unknown') counts.unknown++;
    else counts.failed++;
  }
  return counts;
}

/**
 * Acknowledged operations per second: element i counts those that completed
 * in [originMs + i·1000, originMs + (i+1)·1000). Seconds without any are 0,
 * so a fault's dip shows as a run of zeros.
 */
export function successesPerSecond(
  operations: readonly Operation[],
  originMs: number,
  kind?: AvailabilityKind,
): number[] {
  const perSecond: number[] = [];
  for (const operation of operations) {
    if (operation.outcome !== 'ok' || operation.completedMs === undefined || !isKind(operation, kind))
      continue;
    const second = Math.floor((operation.completedMs - originMs) / 1000);
    if (second < 0) continue;
    while (perSecond.length <= second) perSecond.push(0);
    perSecond[second]++;
  }
  return perSecond;
}

/**
 * When the first operation of this kind invoked at or after `timeMs` was
 * acknowledged (its completion time), or undefined if none was. Only calls
 * sent after `timeMs` count: one sent before a heal and answered after it says
 * little about the healed cluster. Subtract `timeMs` for the time to recover.
 */
export function firstSuccessAfter(
  operations: readonly Operation[],
  kind: AvailabilityKind,
  timeMs: number,
): number | undefined {
  let first: number | undefined;
  for (const operation of operations) {
    if (operation.outcome !== 'ok' || operation.invokedMs < timeMs || !isKind(operation, kind)) continue;
    const completed = operation.completedMs!;
    if (first === undefined || completed < first) first = completed;
  }
  return first;
}
