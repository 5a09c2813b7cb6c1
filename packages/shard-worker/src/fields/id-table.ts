/**
 * Finds the slot of an int64 id: an open-addressing hash table (linear
 * probing) whose cells hold only slot + 1. The id itself is read back from the
 * slot's id words, so a row costs 4 bytes per cell (1.5 to 3 cells per row)
 * and no BigInt is created to look one up. A JS Map keyed by BigInt costs
 * ~100 bytes a row and hashes slowly; one keyed by number cannot hold ids past
 * 2^53 — this one takes every int64 the same way, so it needs no fallback.
 */
export interface IdWordSource {
  /** Two 32-bit words per slot (see word-order.ts): the id stored in that slot. */
  readonly idWords: Uint32Array;
}

/** Cells are at most this full before the table doubles: short probe runs. */
const MAX_LOAD = 2 / 3;
const MIN_CELLS = 16;

export class IdTable {
  /** slot + 1 per cell; 0 is an empty cell. Length is a power of two. */
  private cells = new Int32Array(MIN_CELLS);
  private used = 0;

  constructor(
    private readonly source: IdWordSource,
    private readonly lowWord: number,
    private readonly highWord: number,
  ) {}

  get size(): number {
    return this.used;
  }

  /** The slot holding the id with these words, or -1. */
  find(low: number, high: number): number {
    const cells = this.cells;
    const mask = cells.length - 1;
    const words = this.source.idWords;
    for (let cell = hash(low, high) & mask; ; cell = (cell + 1) & mask) {
      const entry = cells[cell];
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (words[slot * 2 + this.lowWord] === low && words[slot * 2 + this.highWord] === high) return slot;
    }
  }

  /** Records that `slot` now holds the id with these words (which must not be in the table). */
  insert(slot: number, low: number, high: number): void {
    if (this.used + 1 > this.cells.length * MAX_LOAD) this.rehash(this.cells.length * 2);
    this.place(slot, hash(low, high));
    this.used++;
  }

  /** Forgets `slot`, which holds the id with these words. */
  delete(slot: number, low: number, high: number): void {
    const cells = this.cells;
    const mask = cells.length - 1;
    let cell = hash(low, high) & mask;
    while (cells[cell] !== slot + 1) {
      if (cells[cell] === 0) return;
      cell = (cell + 1) & mask;
    }
    this.closeGap(cell);
    this.used--;
  }

  clear(): void {
    this.cells = new Int32Array(MIN_CELLS);
    this.used = 0;
  }

  private place(slot: number, hashed: number): void {
    const cells = this.cells;
    const mask = cells.length - 1;
    let cell = hashed & mask;
    while (cells[cell] !== 0) cell = (cell + 1) & mask;
    cells[cell] = slot + 1;
  }

  /**
   * Backward-shift deletion: entries after the emptied cell whose probe run
   * passed through it move back, so lookups never need tombstones.
   */
  private closeGap(gap: number): void {
    const cells = this.cells;
    const mask = cells.length - 1;
    let empty = gap;
    for (let cell = (gap + 1) & mask; cells[cell] !== 0; cell = (cell + 1) & mask) {
      const home = this.homeOf(cells[cell] - 1) & mask;
      // The entry may move back to `empty` unless its home lies cyclically in (empty, cell].
      const homeBetween = empty <= cell ? home > empty && home <= cell : home > empty || home <= cell;
      if (homeBetween) continue;
      cells[empty] = cells[cell];
      empty = cell;
    }
    cells[empty] = 0;
  }

  private homeOf(slot: number): number {
    const words = this.source.idWords;
    return hash(words[slot * 2 + this.lowWord], words[slot * 2 + this.highWord]);
  }

  private rehash(cellCount: number): void {
    const old = this.cells;
    this.cells = new Int32Array(cellCount);
    for (let i = 0; i < old.length; i++) {
      if (old[i] !== 0) this.place(old[i] - 1, this.homeOf(old[i] - 1));
    }
  }
}

/** Mixes both words (murmur3's finaliser) so sequential and strided ids spread evenly. */
function hash(low: number, high: number): number {
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
