/**
 * The small set of ids the workload operates on, rolling over: each slot
 * holds an id until that id has had `operationsPerId` operations, then moves
 * on to a fresh id. Concurrent clients keep meeting on few ids (where
 * anomalies show), while every id's history stays short enough for the
 * linearizability search, and its write numbers few enough for the vector
 * encoding.
 */
export class RollingKeys {
  private readonly slots: number[];
  private readonly operationsOn = new Map<number, number>();
  private readonly writesOn = new Map<number, number>();
  private nextId: number;
  /** Every id handed out, in order. */
  readonly used: number[] = [];

  constructor(
    slotCount: number,
    private readonly operationsPerId: number,
    private readonly capacity: number,
    firstId = 1,
  ) {
    if (!Number.isInteger(slotCount) || slotCount < 1) throw new Error(`keys must be ≥ 1, got ${slotCount}`);
    this.nextId = firstId;
    this.slots = Array.from({ length: slotCount }, () => this.freshId());
  }

  get slotCount(): number {
    return this.slots.length;
  }

  /** The id to operate on in this slot, counting the operation. */
  take(slot: number): number {
    const id = this.slots[slot];
    const operations = (this.operationsOn.get(id) ?? 0) + 1;
    this.operationsOn.set(id, operations);
    if (operations >= this.operationsPerId) this.slots[slot] = this.freshId();
    return id;
  }

  /** The number of the id's next write: 1, 2, … (never more than its operations). */
  nextWrite(id: number): number {
    const write = (this.writesOn.get(id) ?? 0) + 1;
    this.writesOn.set(id, write);
    return write;
  }

  private freshId(): number {
    if (this.nextId >= this.capacity) throw new Error(`the workload ran out of ids (${this.capacity})`);
    const id = this.nextId++;
    this.used.push(id);
    return id;
  }
}
