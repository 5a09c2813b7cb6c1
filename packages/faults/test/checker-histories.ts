import type { Operation, Outcome, ReadPath, RegisterValue } from '../src/history/operation.js';

/** An operation of a synthetic history, before it is numbered. */
export type Draft = Omit<Operation, 'index'>;

/** An upsert of `value`, sent at `call` and answered at `ret` (or given up on, when unknown). */
export function upsert(
  key: number,
  value: number,
  call: number,
  ret: number,
  outcome: Outcome = 'ok',
): Draft {
  return { process: 0, key, kind: 'upsert', value, outcome, invokedMs: call, completedMs: ret };
}

export function remove(key: number, call: number, ret: number, outcome: Outcome = 'ok'): Draft {
  return { process: 0, key, kind: 'delete', value: null, outcome, invokedMs: call, completedMs: ret };
}

export function read(
  key: number,
  value: RegisterValue,
  call: number,
  ret: number,
  via: ReadPath = 'search',
): Draft {
  return { process: 0, key, kind: 'read', via, value, outcome: 'ok', invokedMs: call, completedMs: ret };
}

/** Numbers the operations in order of invocation, as the recorder does. */
export function history(...drafts: Draft[]): Operation[] {
  return [...drafts].sort((a, b) => a.invokedMs - b.invokedMs).map((draft, index) => ({ ...draft, index }));
}
