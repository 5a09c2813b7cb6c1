import { sortPairsByKey } from './pair-sort.js';
import { SlotBitmap } from './slot-bitmap.js';

/** Where the index reads each slot's current key: NaN when the slot has none (or holds NaN). */
export interface SlotKeys {
  keyAt(slot: number): number;
}

/** The unsorted tail is merged once it (with outdated entries) passes this, or 1/16 of the sorted part. */
const MIN_MERGE_AT = 4096;

/**
 * (key, slot) pairs sorted by key, for range queries on INT64 and DOUBLE
 * fields: a sorted base (binary-searched) plus a small unsorted tail of recent
 * writes (scanned), merged into the base once it grows past 1/16 of it, so a
 * write costs O(1) amortised moves and a query O(log n + matches + tail).
 *
 * Removal is lazy: a replaced or removed row's pair stays until the next
 * merge. Slots whose key changed since the last merge are marked dirty, and
 * only their pairs are checked against the slot's current key (a random read
 * of the value array, the costly part of a range query); a clean slot has
 * exactly one pair, and it is current. A pair whose slot has that key again
 * is simply true again; the result is a bitmap, so a slot found twice costs
 * nothing.
 */
export class NumericIndex {
  private baseKeys = new Float64Array(0);
  private baseSlots = new Int32Array(0);
  private tailKeys = new Float64Array(64);
  private tailSlots = new Int32Array(64);
  private tailSize = 0;
  /** Pairs made outdated since the last merge (an upper bound). */
  private outdated = 0;
  /** Slots that may have outdated (or repeated) pairs since the last merge. */
  private readonly dirty = new SlotBitmap();

  constructor(private readonly current: SlotKeys) {}

  /** Records that `slot` now has `key` (not NaN); call after the slot's key changed. */
  add(key: number, slot: number): void {
    if (this.tailSize === this.tailKeys.length) this.growTail();
    this.tailKeys[this.tailSize] = key;
    this.tailSlots[this.tailSize] = slot;
    this.tailSize++;
    this.mergeIfDue();
  }

  /** Records that the slot's pair no longer matches it (the row was replaced or removed); call before `add`. */
  markOutdated(slot: number): void {
    this.dirty.add(slot);
    this.outdated++;
    this.mergeIfDue();
  }

  /**
   * Sets in `target` every slot whose current key lies in [low, high]. Where a
   * key equals an end and `atEnd` is given, `atEnd(slot)` decides (int64s
   * past 2^53 share keys, so their exact value is checked there).
   */
  collect(low: number, high: number, target: SlotBitmap, atEnd?: (slot: number) => boolean): void {
    const keys = this.baseKeys;
    const slots = this.baseSlots;
    const end = firstAbove(keys, high);
    for (let i = firstAtLeast(keys, low); i < end; i++)
      this.take(keys[i], slots[i], low, high, target, atEnd);
    for (let i = 0; i < this.tailSize; i++) {
      const key = this.tailKeys[i];
      if (key >= low && key <= high) this.take(key, this.tailSlots[i], low, high, target, atEnd);
    }
  }

  clear(): void {
    this.baseKeys = new Float64Array(0);
    this.baseSlots = new Int32Array(0);
    this.tailSize = 0;
    this.outdated = 0;
    this.dirty.clear();
  }

  private take(
    key: number,
    slot: number,
    low: number,
    high: number,
    target: SlotBitmap,
    atEnd?: (slot: number) => boolean,
  ): void {
    if (this.dirty.has(slot) && this.current.keyAt(slot) !== key) return;
    if (atEnd !== undefined && (key === low || key === high) && !atEnd(slot)) return;
    target.add(slot);
  }

  private mergeIfDue(): void {
    if (this.tailSize + this.outdated > Math.max(MIN_MERGE_AT, this.baseKeys.length >>> 4)) this.merge();
  }

  /** Sorts the tail into the base, dropping outdated pairs and repeats of a slot. */
  private merge(): void {
    sortPairsByKey(this.tailKeys, this.tailSlots, this.tailSize);
    const base = { keys: this.baseKeys, slots: this.baseSlots, size: this.baseKeys.length };
    const tail = { keys: this.tailKeys, slots: this.tailSlots, size: this.tailSize };
    const keys = new Float64Array(base.size + tail.size);
    const slots = new Int32Array(base.size + tail.size);
    const seen = new SlotBitmap();
    let size = 0;
    let b = 0;
    let t = 0;
    while (b < base.size || t < tail.size) {
      const fromBase = t >= tail.size || (b < base.size && base.keys[b] <= tail.keys[t]);
      const source = fromBase ? base : tail;
      const i = fromBase ? b++ : t++;
      const key = source.keys[i];
      const slot = source.slots[i];
      // A dirty slot has one current key, so its first current pair is the one to keep.
      if (this.dirty.has(slot) && (this.current.keyAt(slot) !== key || !seen.add(slot))) continue;
      keys[size] = key;
      slots[size] = slot;
      size++;
    }
    this.baseKeys = size === keys.length ? keys : keys.slice(0, size);
    this.baseSlots = size === slots.length ? slots : slots.slice(0, size);
    this.tailSize = 0;
    this.outdated = 0;
    this.dirty.clear();
    this.shrinkTail();
  }

  private growTail(): void {
    const keys = new Float64Array(this.tailKeys.length * 2);
    keys.set(this.tailKeys);
    const slots = new Int32Array(this.tailSlots.length * 2);
    slots.set(this.tailSlots);
    this.tailKeys = keys;
    this.tailSlots = slots;
  }

  /** After a bulk load the tail may be huge; keep room only for what the next merge will take. */
  private shrinkTail(): void {
    const wanted = Math.max(
      64,
      Math.min(this.tailKeys.length, 2 * Math.max(MIN_MERGE_AT, this.baseKeys.length >>> 4)),
    );
    if (wanted >= this.tailKeys.length) return;
    this.tailKeys = new Float64Array(wanted);
    this.tailSlots = new Int32Array(wanted);
  }
}

/** The first index whose key is >= x (keys ascending). */
function firstAtLeast(keys: Float64Array, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose key is > x (keys ascending). */
function firstAbove(keys: Float64Array, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
