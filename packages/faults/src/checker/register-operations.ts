import { isWrite, type Operation, type RegisterValue } from '../history/operation.js';

/**
 * An operation as the checker sees it: a write or a read of one id's
 * register over the interval [call, ret]. A write whose outcome is unknown
 * has ret = Infinity: it may take effect at any later time, or never.
 */
export interface RegisterOperation {
  write: boolean;
  value: RegisterValue;
  call: number;
  ret: number;
  /** The recorded operation. */
  operation: Operation;
}

/** Each id's operations, in order of invocation. */
export function historiesByKey(operations: readonly Operation[]): Map<number, Operation[]> {
  const byKey = new Map<number, Operation[]>();
  for (const operation of [...operations].sort((a, b) => a.index - b.index)) {
    let history = byKey.get(operation.key);
    if (!history) {
      history = [];
      byKey.set(operation.key, history);
    }
    history.push(operation);
  }
  return byKey;
}

/**
 * The operations of one id that constrain its register: acknowledged reads,
 * acknowledged writes, and the writes of unknown outcome whose value some
 * read saw. A refused write never takes effect and a read that returned
 * nothing saw nothing. An unknown write whose value no read saw explains no
 * read: were it to take effect, no read would fall between it and the next
 * write, so leaving it out (as if it never took effect) changes no verdict,
 * and spares the search the subsets of such writes a partition leaves behind.
 */
export function registerOperations(history: readonly Operation[]): RegisterOperation[] {
  const seen = new Set(
    history.filter((o) => o.kind === 'read' && o.outcome === 'ok').map((o) => o.value ?? null),
  );
  const checked: RegisterOperation[] = [];
  for (const operation of history) {
    if (operation.outcome === 'fail') continue;
    const write = isWrite(operation);
    if (!write && operation.outcome !== 'ok') continue;
    const acknowledged = operation.outcome === 'ok' && operation.completedMs !== undefined;
    const value = operation.kind === 'delete' ? null : (operation.value ?? null);
    if (write && !acknowledged && !seen.has(value)) continue;
    checked.push({
      write,
      value,
      call: operation.invokedMs,
      ret: acknowledged ? operation.completedMs! : Infinity,
      operation,
    });
  }
  return checked;
}
