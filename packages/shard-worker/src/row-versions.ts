import { writeFenced } from '@vecshard/proto';

/** How long a row's last write sequence is kept: far beyond any write's deadline. */
const KEPT_MS = 10 * 60_000;

/** How often the kept sequences are looked through for old ones. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The sequence number of the last write applied to each row of a shard copy
 * (an upsert, a delete, or an upsert that placed the row in another shard).
 * Coordinators take a sequence for every write from the cluster state before
 * sending it, and a copy applies a write to a row only if it is newer than
 * the last applied there. So two writes to one id sent by two coordinators at
 * once reach the copies in any order and every copy ends with the same, the
 * newer one: copies never disagree. Deletes leave their sequence behind too,
 * so an older upsert that arrives late does not bring the row back. A write
 * that a coordinator sends again (refused as fenced, routed anew after a
 * move) keeps its sequence and applies again where it lands: the first try
 * may have removed the row here (it was meant for another shard then) and
 * the second add it (its list has moved here since).
 *
 * Sequences older than ten minutes are forgotten; a write older than the
 * newest forgotten one is refused as fenced, never applied blindly. Sequence 0 (writes replayed from the
 * write log into a copy being rebuilt, restores) applies unconditionally.
 */
export class RowVersions {
  private readonly last = new Map<bigint, number>();
  /** Writes below this were forgotten: refused. */
  private forgottenBelow = 0;
  /** The highest sequence seen at each sweep, oldest first: what becomes forgettable later. */
  private readonly marks: { at: number; seq: number }[] = [];
  private highest = 0;
  private lastSweep = 0;

  /** Throws "write fenced" for a write older than what this copy has forgotten. */
  admit(seq: number, name: string): void {
    if (seq !== 0 && seq < this.forgottenBelow) {
      throw writeFenced(
        `write sequence ${seq} on "${name}" is older than this copy keeps track of (${this.forgottenBelow})`,
      );
    }
  }

  /** The positions of `ids` that write `seq` may change (all of them for sequence 0). */
  newer(ids: BigInt64Array, seq: number): Int32Array {
    if (seq === 0) return Int32Array.from(ids.keys());
    const rows: number[] = [];
    // Not older: a write sent again keeps its sequence, and its latest routing must win.
    for (let i = 0; i < ids.length; i++) if ((this.last.get(ids[i]) ?? 0) <= seq) rows.push(i);
    return Int32Array.from(rows);
  }

  /** Notes that write `seq` was applied to the ids (raising, never lowering, each). */
  record(ids: Iterable<bigint>, seq: number): void {
    if (seq === 0) return;
    for (const id of ids) if ((this.last.get(id) ?? 0) < seq) this.last.set(id, seq);
    if (seq > this.highest) this.highest = seq;
    this.sweep();
  }

  /** The kept sequences of the ids `wanted` admits, and the sequence below which writes are refused. */
  export(wanted: (id: bigint) => boolean): {
    ids: BigInt64Array;
    seqs: BigInt64Array;
    forgottenBelow: number;
  } {
    const ids: bigint[] = [];
    const seqs: bigint[] = [];
    for (const [id, seq] of this.last) {
      if (!wanted(id)) continue;
      ids.push(id);
      seqs.push(BigInt(seq));
    }
    return {
      ids: BigInt64Array.from(ids),
      seqs: BigInt64Array.from(seqs),
      forgottenBelow: this.forgottenBelow,
    };
  }

  /**
   * Takes in another copy's sequences (the old owner of lists moving here):
   * each id keeps the higher of the two, and writes below the other's
   * forgotten sequences are refused here too.
   */
  adopt(ids: BigInt64Array, seqs: BigInt64Array, forgottenBelow: number): void {
    for (let i = 0; i < ids.length; i++) {
      const seq = Number(seqs[i]);
      if ((this.last.get(ids[i]) ?? 0) < seq) this.last.set(ids[i], seq);
      if (seq > this.highest) this.highest = seq;
    }
    if (forgottenBelow > this.forgottenBelow) this.forgottenBelow = forgottenBelow;
    this.sweep();
  }

  private sweep(now = Date.now()): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.marks.push({ at: now, seq: this.highest });
    let limit = 0;
    while (this.marks.length > 0 && now - this.marks[0].at >= KEPT_MS) limit = this.marks.shift()!.seq;
    if (limit <= this.forgottenBelow) return;
    this.forgottenBelow = limit;
    for (const [id, seq] of this.last) if (seq < limit) this.last.delete(id);
  }
}
