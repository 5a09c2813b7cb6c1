import fc from 'fast-check';
import type { Operation, Outcome, RegisterValue } from '../src/history/operation.js';

/**
 * Histories of a real linearizable register, simulated: client processes
 * issue operations one after another on a few ids; each operation that takes
 * effect does so at one instant (its linearization point) inside its interval,
 * or, when its outcome is unknown, at any later instant or never; reads
 * return the register's value at their point.
 */
interface PlannedOperation {
  key: number;
  kind: 'upsert' | 'delete' | 'read';
  /** Idle time before it is sent, and how long until the client learns (or gives up). */
  gap: number;
  duration: number;
  /** Where in (call, ret) it takes effect, in thousandths. */
  point: number;
  outcome: Outcome;
  /** For an unknown write: how long after its call it takes effect, or null for never. */
  lateBy: number | null;
}

const plannedOperation = (keys: number) =>
  fc.record({
    key: fc.integer({ min: 1, max: keys }),
    kind: fc.constantFrom<PlannedOperation['kind']>('upsert', 'upsert', 'delete', 'read', 'read', 'read'),
    gap: fc.integer({ min: 0, max: 5 }),
    duration: fc.integer({ min: 0, max: 12 }),
    point: fc.integer({ min: 1, max: 999 }),
    outcome: fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'unknown', 'fail'),
    lateBy: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  });

/** Up to `processes` sequential processes of up to `perProcess` operations each. */
export const linearizableHistory = (options: { processes: number; perProcess: number; keys: number }) =>
  fc
    .array(fc.array(plannedOperation(options.keys), { minLength: 1, maxLength: options.perProcess }), {
      minLength: 1,
      maxLength: options.processes,
    })
    .map(simulate);

interface Effect {
  at: number;
  operation: Operation;
}

function simulate(processes: PlannedOperation[][]): Operation[] {
  const operations: Operation[] = [];
  const effects: Effect[] = [];
  const writesOn = new Map<number, number>();
  processes.forEach((planned, process) => {
    let now = 0;
    for (const plan of planned) {
      const call = now + plan.gap;
      const ret = call + plan.duration;
      now = ret;
      const operation: Operation = {
        index: -1,
        process,
        key: plan.key,
        kind: plan.kind,
        outcome: plan.kind === 'read' && plan.outcome === 'unknown' ? 'fail' : plan.outcome,
        invokedMs: call,
        completedMs: ret,
      };
      if (plan.kind === 'read') operation.via = 'search';
      if (plan.kind === 'upsert') {
        const write = (writesOn.get(plan.key) ?? 0) + 1;
        writesOn.set(plan.key, write);
        operation.value = write;
      }
      if (plan.kind === 'delete') operation.value = null;
      operations.push(operation);
      const inside = call + (plan.duration * plan.point) / 1000;
      if (operation.outcome === 'ok') effects.push({ at: inside, operation });
      else if (operation.outcome === 'unknown' && plan.lateBy !== null)
        effects.push({ at: call + plan.lateBy, operation });
    }
  });
  const registers = new Map<number, RegisterValue>();
  for (const { operation } of effects.sort((a, b) => a.at - b.at)) {
    if (operation.kind === 'read') operation.value = registers.get(operation.key) ?? null;
    else registers.set(operation.key, operation.value ?? null);
  }
  return operations
    .sort((a, b) => a.invokedMs - b.invokedMs || a.process - b.process)
    .map((operation, index) => ({ ...operation, index }));
}

/**
 * Makes one read stale: it now sees the value of an acknowledged write that
 * another acknowledged write had certainly replaced before the read began.
 * Returns the read's id, or undefined when the history offers no such read.
 */
export function injectStaleness(operations: Operation[], choice: number): number | undefined {
  const acknowledgedWrites = operations.filter((o) => o.kind !== 'read' && o.outcome === 'ok');
  const candidates = operations.flatMap((reader) => {
    if (reader.kind !== 'read' || reader.outcome !== 'ok') return [];
    return acknowledgedWrites
      .filter(
        (old) =>
          old.kind === 'upsert' &&
          old.key === reader.key &&
          old.value !== reader.value &&
          acknowledgedWrites.some(
            (newer) =>
              newer.key === reader.key &&
              newer.value !== old.value &&
              newer.invokedMs > old.completedMs! &&
              newer.completedMs! < reader.invokedMs,
          ),
      )
      .map((old) => ({ reader, old }));
  });
  if (candidates.length === 0) return undefined;
  const { reader, old } = candidates[choice % candidates.length];
  reader.value = old.value;
  return reader.key;
}
