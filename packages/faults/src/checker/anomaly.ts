import type { Operation } from '../history/operation.js';

/**
 * "lost-write": a read after every acknowledged write of the id completed saw
 * a value those writes had replaced. "stale-read": a read saw a value replaced
 * by a write acknowledged before the read began. "impossible-read": a read saw
 * a value no write had stored (or could have, by the time the read completed).
 * "read-inversion": a read saw a value older than one an earlier read
 * (completed before it began) saw. "not-linearizable": no order of the
 * operations explains the reads, though each of them is possible on its own.
 */
export type AnomalyKind =
  | 'lost-write'
  | 'stale-read'
  | 'impossible-read'
  | 'read-inversion'
  | 'not-linearizable';

/** One observation that proves the anomaly, with the operations it is about. */
export interface Finding {
  kind: AnomalyKind;
  message: string;
  /** History indexes of the operations involved. */
  operations: number[];
  /** How many reads of the id showed this kind (the message describes the first). */
  count: number;
}

/** One id whose history no order of its operations explains. */
export interface Anomaly {
  key: number;
  kinds: AnomalyKind[];
  findings: Finding[];
  /**
   * The fewest consecutive operations of the id's history (the refused writes
   * and failed reads left out) that no order explains by themselves, whatever
   * the value at their start and whichever overlapping writes outside them
   * took effect.
   */
  window: Operation[];
  /** How many operations of the id were checked. */
  historyLength: number;
}
