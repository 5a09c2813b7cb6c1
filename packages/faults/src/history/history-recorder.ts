import {
  type AvailabilityKind,
  countOperations,
  firstSuccessAfter,
  type OperationCounts,
  successesPerSecond,
} from './availability.js';
import { toJsonl } from './history-jsonl.js';
import type { Operation, OperationKind, Outcome, ReadPath, RegisterValue } from './operation.js';

export interface Invocation {
  process: number;
  key: number;
  kind: OperationKind;
  via?: ReadPath;
  /** The value an upsert writes (null for a delete); none for a read. */
  value?: RegisterValue;
  final?: boolean;
}

export interface Completion {
  outcome: Outcome;
  /** What an acknowledged read saw. */
  value?: RegisterValue;
  error?: string;
  note?: string;
}

/**
 * Collects the history of one run. Every client runs in this process, so one
 * monotonic clock (performance.now) orders all invocations and completions;
 * the runner reads the same clock through {@link now} to mark when faults
 * began and healed.
 */
export class HistoryRecorder {
  private readonly recorded: Operation[] = [];
  /** Time 0 of {@link successesPerSecond}. */
  readonly originMs = performance.now();

  now(): number {
    return performance.now();
  }

  get operations(): readonly Operation[] {
    return this.recorded;
  }

  /** Records an operation about to be sent; it counts as unknown until completed. */
  invoke(invocation: Invocation): Operation {
    const operation: Operation = {
      index: this.recorded.length,
      process: invocation.process,
      key: invocation.key,
      kind: invocation.kind,
      outcome: 'unknown',
      invokedMs: this.now(),
    };
    if (invocation.via) operation.via = invocation.via;
    if (invocation.value !== undefined) operation.value = invocation.value;
    if (invocation.final) operation.final = true;
    this.recorded.push(operation);
    return operation;
  }

  complete(operation: Operation, completion: Completion): void {
    operation.completedMs = this.now();
    operation.outcome = completion.outcome;
    if (completion.value !== undefined) operation.value = completion.value;
    if (completion.error) operation.error = completion.error;
    if (completion.note) operation.note = completion.note;
  }

  toJsonl(): string {
    return toJsonl(this.recorded);
  }

  /** Operations invoked in [fromMs, toMs), by outcome. */
  counts(fromMs: number, toMs: number, kind?: AvailabilityKind): OperationCounts {
    return countOperations(this.recorded, fromMs, toMs, kind);
  }

  /** Acknowledged operations per second since {@link originMs}. */
  successesPerSecond(kind?: AvailabilityKind): number[] {
    return successesPerSecond(this.recorded, this.originMs, kind);
  }

  /** Completion time of the first acknowledged operation of `kind` sent at or after `timeMs`. */
  firstSuccessAfter(kind: AvailabilityKind, timeMs: number): number | undefined {
    return firstSuccessAfter(this.recorded, kind, timeMs);
  }
}
