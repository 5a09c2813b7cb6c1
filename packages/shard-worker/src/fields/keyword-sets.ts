/**
 * Each slot's KEYWORDS set as dictionary codes, packed into one shared
 * Int32Array: a slot keeps a start and a length (6 bytes) plus 4 bytes per
 * element, where an array per row would cost ~50 bytes before its first
 * element. A set that grows moves to the end; the hole it leaves is counted
 * and the arena is repacked once holes outweigh the sets.
 */
export class KeywordSets {
  private starts = new Int32Array(0);
  private lengths = new Uint16Array(0);
  private arena = new Int32Array(1024);
  /** Arena elements handed out (sets and holes). */
  private used = 0;
  /** Arena elements in holes. */
  private holes = 0;

  reserve(allocated: number): void {
    if (allocated <= this.starts.length) return;
    const starts = new Int32Array(allocated);
    starts.set(this.starts);
    const lengths = new Uint16Array(allocated);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }

  /** The slot's codes (a view into the arena: read it before the next write). */
  codesOf(slot: number): Int32Array {
    const start = this.starts[slot];
    return this.arena.subarray(start, start + this.lengths[slot]);
  }

  set(slot: number, codes: readonly number[]): void {
    const old = this.lengths[slot];
    if (codes.length > old) {
      this.holes += old;
      this.starts[slot] = this.allocate(codes.length);
    } else {
      this.holes += old - codes.length;
    }
    this.arena.set(codes, this.starts[slot]);
    this.lengths[slot] = codes.length;
    if (this.holes > 4096 && this.holes > this.used >>> 1) this.repack();
  }

  delete(slot: number): void {
    this.set(slot, []);
  }

  clear(): void {
    this.starts.fill(0);
    this.lengths.fill(0);
    this.arena = new Int32Array(1024);
    this.used = 0;
    this.holes = 0;
  }

  private allocate(length: number): number {
    if (this.used + length > this.arena.length) {
      const grown = new Int32Array(
        Math.max(this.used + length, this.arena.length + (this.arena.length >> 1)),
      );
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const start = this.used;
    this.used += length;
    return start;
  }

  /** Copies every set, in slot order, into a tight arena. */
  private repack(): void {
    const live = this.used - this.holes;
    const arena = new Int32Array(Math.max(1024, live + (live >> 2)));
    let next = 0;
    for (let slot = 0; slot < this.starts.length; slot++) {
      const length = this.lengths[slot];
      const start = this.starts[slot];
      // An empty set's start must point inside the new arena too: a later write may reuse it.
      this.starts[slot] = next;
      if (length === 0) continue;
      arena.set(this.arena.subarray(start, start + length), next);
      next += length;
    }
    this.arena = arena;
    this.used = next;
    this.holes = 0;
  }
}
