import type { RegisterValue } from '../history/operation.js';

/** The register's value at the start of a searched window, when nothing constrains it. */
export const UNCONSTRAINED = 'unconstrained';
export type RegisterState = RegisterValue | typeof UNCONSTRAINED;

export interface SearchedOperation {
  write: boolean;
  value: RegisterValue;
  call: number;
  /** Infinity: may take effect at any later time; placed last, it never takes effect. */
  ret: number;
}

export type SearchVerdict = 'linearizable' | 'not-linearizable' | 'inconclusive';

/** One end of an operation's interval, in a doubly linked list ordered by time. */
interface Entry {
  operation: number;
  isCall: boolean;
  time: number;
  /** A call's return entry. */
  match?: Entry;
  prev?: Entry;
  next?: Entry;
}

/**
 * Whether some order of the operations, each taking effect at one instant
 * within its interval, explains every read: the Wing–Gong search with Lowe's
 * memoization (as in Porcupine and Knossos). It tries to linearize the
 * earliest pending call next, and backtracks when a return is reached with
 * its operation not yet linearized. A configuration already visited (the set
 * of linearized operations and the register's value) is never explored
 * again, which keeps a register's search polynomial in practice.
 * `maxStates` bounds the configurations visited; past it the verdict is
 * "inconclusive".
 */
export function searchLinearization(
  operations: readonly SearchedOperation[],
  initial: RegisterState,
  maxStates: number,
): SearchVerdict {
  const head = linkedEntries(operations);
  const linearized = new Uint32Array(Math.ceil(operations.length / 32) + 1);
  const visited = new Set<string>();
  const stack: { entry: Entry; state: RegisterState }[] = [];
  let state = initial;
  let entry = head.next;
  while (head.next) {
    if (!entry) return 'not-linearizable'; // unreachable: the list ends with a return
    if (entry.isCall) {
      const next = step(state, operations[entry.operation]);
      if (next !== undefined) {
        toggle(linearized, entry.operation);
        const configuration = `${linearized.join(',')}|${String(next)}`;
        if (!visited.has(configuration)) {
          if (visited.size >= maxStates) return 'inconclusive';
          visited.add(configuration);
          stack.push({ entry, state });
          state = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        toggle(linearized, entry.operation);
      }
      entry = entry.next;
    } else {
      // A return whose operation is not linearized: an earlier choice was wrong.
      const top = stack.pop();
      if (!top) return 'not-linearizable';
      state = top.state;
      toggle(linearized, top.entry.operation);
      unlift(top.entry);
      entry = top.entry.next;
    }
  }
  return 'linearizable';
}

/** The register after the operation, or undefined when a read saw another value. */
function step(state: RegisterState, operation: SearchedOperation): RegisterState | undefined {
  if (operation.write) return operation.value;
  if (state === UNCONSTRAINED || state === operation.value) return operation.value;
  return undefined;
}

/**
 * Calls and returns in time order behind a sentinel head. At equal times a
 * call comes first: the two operations count as concurrent, never as ordered.
 */
function linkedEntries(operations: readonly SearchedOperation[]): Entry {
  const entries: Entry[] = [];
  operations.forEach((operation, index) => {
    const call: Entry = { operation: index, isCall: true, time: operation.call };
    const ret: Entry = { operation: index, isCall: false, time: operation.ret };
    call.match = ret;
    entries.push(call, ret);
  });
  entries.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall));
  const head: Entry = { operation: -1, isCall: false, time: -Infinity };
  let last = head;
  for (const entry of entries) {
    last.next = entry;
    entry.prev = last;
    last = entry;
  }
  return head;
}

/** Takes a call and its return out of the list (the operation is linearized). */
function lift(call: Entry): void {
  for (const entry of [call, call.match!]) {
    entry.prev!.next = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
  }
}

/** Puts back what {@link lift} took out, in reverse order. */
function unlift(call: Entry): void {
  for (const entry of [call.match!, call]) {
    entry.prev!.next = entry;
    if (entry.next) entry.next.prev = entry;
  }
}

function toggle(bits: Uint32Array, index: number): void {
  bits[index >>> 5] ^= 1 << (index & 31);
}
