/**
 * A dense set of row slots: one bit per slot, 32 to a word. Filters are
 * answered as these, so And/Or/Not cost a pass over words (1M slots: 31,250
 * words), never a pass over rows. Words past the end read as zero, so sets of
 * different lengths combine without being grown first.
 */
export class SlotBitmap {
  private words: Uint32Array;

  constructor(capacity = 0) {
    this.words = new Uint32Array(wordsFor(capacity));
  }

  /** A bitmap with exactly these slots set. */
  static of(slots: ArrayLike<number>, capacity = 0): SlotBitmap {
    const bitmap = new SlotBitmap(capacity);
    for (let i = 0; i < slots.length; i++) bitmap.add(slots[i]);
    return bitmap;
  }

  /** Slots the words now cover (a multiple of 32). */
  get capacity(): number {
    return this.words.length * 32;
  }

  /** Makes room for slots below `capacity`, keeping the set. */
  grow(capacity: number): void {
    const needed = wordsFor(capacity);
    if (needed <= this.words.length) return;
    // Grow by at least half so a stream of appends copies each word O(1) times.
    const grown = new Uint32Array(Math.max(needed, this.words.length + (this.words.length >> 1)));
    grown.set(this.words);
    this.words = grown;
  }

  has(slot: number): boolean {
    const word = slot >>> 5;
    return word < this.words.length && (this.words[word] & (1 << (slot & 31))) !== 0;
  }

  /** Sets the slot; true when it was not set before. */
  add(slot: number): boolean {
    const word = slot >>> 5;
    if (word >= this.words.length) this.grow(slot + 1);
    const bit = 1 << (slot & 31);
    if ((this.words[word] & bit) !== 0) return false;
    this.words[word] |= bit;
    return true;
  }

  /** Clears the slot; true when it was set. */
  delete(slot: number): boolean {
    const word = slot >>> 5;
    if (word >= this.words.length) return false;
    const bit = 1 << (slot & 31);
    if ((this.words[word] & bit) === 0) return false;
    this.words[word] &= ~bit;
    return true;
  }

  /** Clears every slot, keeping the words allocated. */
  clear(): void {
    this.words.fill(0);
  }

  count(): number {
    let total = 0;
    const words = this.words;
    for (let i = 0; i < words.length; i++) total += popcount(words[i]);
    return total;
  }

  isEmpty(): boolean {
    const words = this.words;
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  }

  clone(): SlotBitmap {
    const copy = new SlotBitmap();
    copy.words = this.words.slice();
    return copy;
  }

  /** Keeps only the slots also in `other`. */
  and(other: SlotBitmap): this {
    const mine = this.words;
    const theirs = other.words;
    const shared = Math.min(mine.length, theirs.length);
    for (let i = 0; i < shared; i++) mine[i] &= theirs[i];
    mine.fill(0, shared);
    return this;
  }

  /** Adds every slot of `other`. */
  or(other: SlotBitmap): this {
    const theirs = other.words;
    let last = theirs.length;
    while (last > 0 && theirs[last - 1] === 0) last--;
    if (last > this.words.length) this.grow(last * 32);
    const mine = this.words;
    for (let i = 0; i < last; i++) mine[i] |= theirs[i];
    return this;
  }

  /** Removes every slot of `other`. */
  andNot(other: SlotBitmap): this {
    const mine = this.words;
    const theirs = other.words;
    const shared = Math.min(mine.length, theirs.length);
    for (let i = 0; i < shared; i++) mine[i] &= ~theirs[i];
    return this;
  }

  /** Calls `visit` with every set slot, ascending. */
  forEach(visit: (slot: number) => void): void {
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let word = words[i];
      while (word !== 0) {
        const lowest = word & -word;
        visit(i * 32 + 31 - Math.clz32(lowest));
        word ^= lowest;
      }
    }
  }

  /** The set slots, ascending. */
  toSlots(): Int32Array {
    const slots = new Int32Array(this.count());
    let next = 0;
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let word = words[i];
      while (word !== 0) {
        const lowest = word & -word;
        slots[next++] = i * 32 + 31 - Math.clz32(lowest);
        word ^= lowest;
      }
    }
    return slots;
  }
}

function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}

/** Set bits of a 32-bit word (SWAR: no table, no loop). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
