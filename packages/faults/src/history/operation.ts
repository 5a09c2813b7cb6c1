/**
 * One client operation on one id, as the workload recorded it. Each id is an
 * independent register: its value is the write identity of the last upsert
 * (a sequence number unique among that id's writes) or null when the id is
 * absent (never written, or deleted).
 */
export type RegisterValue = number | null;

export type OperationKind = 'upsert' | 'delete' | 'read';

/** How a read was served: a search through the coordinator, a one-hop search, or Get. */
export type ReadPath = 'search' | 'direct' | 'get';

/**
 * "ok": acknowledged. "fail": refused before it could take effect, so it never
 * does. "unknown": timed out or cut off after it was sent, so it may take
 * effect at any later time, or never (an operation still in flight reads the same).
 */
export type Outcome = 'ok' | 'fail' | 'unknown';

/**
 * The value a read reports when it saw something no write of the workload can
 * have stored (two copies of one id, a vector that does not decode). No write
 * has it, so no order of the operations explains the read.
 */
export const UNREADABLE = -1;

export interface Operation {
  /** Position in the history, in order of invocation. */
  index: number;
  /** The client loop that issued it (one operation at a time per loop). */
  process: number;
  /** The id operated on. */
  key: number;
  kind: OperationKind;
  /** Reads only. */
  via?: ReadPath;
  /** Upsert: the value written; delete: null; read: the value seen (acknowledged reads only). */
  value?: RegisterValue;
  outcome: Outcome;
  /** When the client sent it, ms on the recording process's monotonic clock. */
  invokedMs: number;
  /** When the client learned the outcome (or gave up); absent while in flight. */
  completedMs?: number;
  /** Why it failed or is unknown: the status and message. */
  error?: string;
  /** What a read saw when it was unreadable, or how a search was served. */
  note?: string;
  /** One of the reads of every id after the faults were healed. */
  final?: boolean;
}

/** Writes change the register; reads only observe it. */
export function isWrite(operation: Operation): boolean {
  return operation.kind !== 'read';
}
