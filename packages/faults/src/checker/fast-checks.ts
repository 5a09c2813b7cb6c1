import type { RegisterValue } from '../history/operation.js';
import type { Finding } from './anomaly.js';
import type { RegisterOperation } from './register-operations.js';

/** A write that may be the source of a read's value; the initial absence has neither call nor op. */
interface Writer {
  call: number;
  ret: number;
  /** When a write of another value, acknowledged, had certainly replaced this one (Infinity: never). */
  replacedBy: number;
  replacer?: RegisterOperation;
  operation?: RegisterOperation;
}

const INITIAL_ABSENCE = { call: -Infinity, ret: -Infinity } as const;

/**
 * Necessary conditions for linearizability that need no search, checked on
 * one id's whole history: every read's value has a write that could have
 * stored it (impossible-read), that was not certainly replaced before the read
 * began (stale-read, or lost-write for a read after every acknowledged write),
 * and that is not certainly older than what an earlier read saw
 * (read-inversion). Each is sound: a finding means no linearization exists.
 */
export function fastChecks(operations: readonly RegisterOperation[]): Finding[] {
  const writers = writersByValue(operations);
  const reads = operations.filter((operation) => !operation.write);
  const lastAcknowledged = Math.max(
    -Infinity,
    ...operations.filter((o) => o.write && Number.isFinite(o.ret)).map((o) => o.ret),
  );
  const findings = new Map<Finding['kind'], Finding>();
  const note = (finding: Omit<Finding, 'count'>) => {
    const seen = findings.get(finding.kind);
    if (seen) seen.count++;
    else findings.set(finding.kind, { ...finding, count: 1 });
  };
  const sources = new Map<RegisterOperation, Writer[]>();
  for (const read of reads) {
    const possible = (writers.get(valueKey(read.value)) ?? []).filter((w) => w.call <= read.ret);
    if (possible.length === 0) {
      note(impossibleRead(read));
      continue;
    }
    sources.set(read, possible);
    if (possible.every((writer) => writer.replacedBy < read.call)) {
      note(staleRead(read, possible, read.call > lastAcknowledged));
    }
  }
  const inversion = firstInversion(sources);
  if (inversion) note(inversion);
  return [...findings.values()];
}

function valueKey(value: RegisterValue): string {
  return String(value);
}

/** The writers of each value, the initial absence among those of null, each with when it was replaced. */
function writersByValue(operations: readonly RegisterOperation[]): Map<string, Writer[]> {
  const acknowledged = operations.filter((o) => o.write && Number.isFinite(o.ret));
  const replacement = (value: RegisterValue, after: number) => {
    let replacer: RegisterOperation | undefined;
    for (const write of acknowledged) {
      if (write.value !== value && write.call > after && (!replacer || write.ret < replacer.ret))
        replacer = write;
    }
    return { replacedBy: replacer?.ret ?? Infinity, replacer };
  };
  const byValue = new Map<string, Writer[]>([
    [valueKey(null), [{ ...INITIAL_ABSENCE, ...replacement(null, -Infinity) }]],
  ]);
  for (const write of operations.filter((o) => o.write)) {
    const writer: Writer = {
      call: write.call,
      ret: write.ret,
      operation: write,
      ...replacement(write.value, write.ret),
    };
    const key = valueKey(write.value);
    const same = byValue.get(key);
    if (same) same.push(writer);
    else byValue.set(key, [writer]);
  }
  return byValue;
}

function impossibleRead(read: RegisterOperation): Omit<Finding, 'count'> {
  return {
    kind: 'impossible-read',
    message:
      `read #${read.operation.index} saw ${describeValue(read.value)}, which no write had stored by the time it completed` +
      (read.operation.note ? ` (${read.operation.note})` : ''),
    operations: [read.operation.index],
  };
}

function staleRead(
  read: RegisterOperation,
  possible: Writer[],
  afterEveryWrite: boolean,
): Omit<Finding, 'count'> {
  // Name the newest possible source and the write that replaced it.
  const newest = possible.reduce((a, b) => (b.call > a.call ? b : a));
  const source = newest.operation ? `write #${newest.operation.operation.index}` : 'the initial absence';
  const replacer = newest.replacer!;
  const message =
    `read #${read.operation.index} saw ${describeValue(read.value)} (from ${source}), but write ` +
    `#${replacer.operation.index} of ${describeValue(replacer.value)} was acknowledged before the read began` +
    (afterEveryWrite ? ': after every acknowledged write completed, that write is missing' : '');
  return {
    kind: afterEveryWrite ? 'lost-write' : 'stale-read',
    message,
    operations: [newest.operation?.operation.index, replacer.operation.index, read.operation.index].filter(
      (index): index is number => index !== undefined,
    ),
  };
}

/**
 * A read that saw a value certainly older than what a read completed before
 * it began saw: every source of the later read's value completed before any
 * source of the earlier read's value was invoked.
 */
function firstInversion(sources: Map<RegisterOperation, Writer[]>): Omit<Finding, 'count'> | undefined {
  const reads = [...sources.entries()].map(([read, writers]) => ({
    read,
    newestSourceRet: Math.max(...writers.map((w) => w.ret)),
    oldestSourceCall: Math.min(...writers.map((w) => w.call)),
  }));
  const byRet = [...reads].sort((a, b) => a.read.ret - b.read.ret);
  const byCall = [...reads].sort((a, b) => a.read.call - b.read.call);
  // Sweep later reads by start, keeping the earlier read with the newest sources among those completed before.
  let best: (typeof reads)[number] | undefined;
  let next = 0;
  for (const later of byCall) {
    while (next < byRet.length && byRet[next].read.ret < later.read.call) {
      if (!best || byRet[next].oldestSourceCall > best.oldestSourceCall) best = byRet[next];
      next++;
    }
    if (best && best.oldestSourceCall > later.newestSourceRet) {
      return {
        kind: 'read-inversion',
        message:
          `read #${later.read.operation.index} saw ${describeValue(later.read.value)}, older than the ` +
          `${describeValue(best.read.value)} that read #${best.read.operation.index} saw before it began`,
        operations: [best.read.operation.index, later.read.operation.index],
      };
    }
  }
  return undefined;
}

export function describeValue(value: RegisterValue): string {
  return value === null ? 'absent' : `value ${value}`;
}
