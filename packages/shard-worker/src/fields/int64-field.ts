import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { NumericIndex, type SlotKeys } from './numeric-index.js';
import { int64Interval, isUnbounded, type RangeBounds } from './range-bounds.js';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';
import { HIGH_WORD, LOW_WORD, wordsOf } from './word-order.js';

/** Doubles are exact integers below this; at or above it, several int64s share one key. */
const EXACT_KEYS_BELOW = 2 ** 53;

/**
 * An INT64 field: the exact values (8 bytes a row), indexed by their nearest
 * double. Key order is value order (rounding is monotone), so a range's rows
 * are the pairs between its ends' keys; only pairs whose key equals an end
 * past 2^53 need the exact value checked. Keys are computed from the value's
 * two words, never through a BigInt.
 */
export class Int64Field implements StoredField, SlotKeys {
  readonly present = new SlotBitmap();
  private values = new BigInt64Array(0);
  private words = new Int32Array(0);
  private readonly index = new NumericIndex(this);

  constructor(readonly spec: FieldSpec) {}

  reserve(allocated: number): void {
    if (allocated <= this.values.length) return;
    const values = new BigInt64Array(allocated);
    values.set(this.values);
    this.values = values;
    this.words = new Int32Array(values.buffer);
  }

  keyAt(slot: number): number {
    if (!this.present.has(slot)) return Number.NaN;
    // high·2^32 is exact and one addition rounds once: this is Number(value).
    return this.words[slot * 2 + HIGH_WORD] * 4294967296 + (this.words[slot * 2 + LOW_WORD] >>> 0);
  }

  write(slots: Int32Array, rows: Int32Array, column: Column): void {
    const values = valuesOf(column, 'int64');
    const rowWords = wordsOf(values);
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      const slot = slots[i];
      const oldKey = this.keyAt(slot);
      if (isMissing(column.missing, row)) {
        this.present.delete(slot);
      } else {
        this.words[slot * 2] = rowWords[row * 2];
        this.words[slot * 2 + 1] = rowWords[row * 2 + 1];
        this.present.add(slot);
      }
      this.reindex(slot, oldKey);
    }
  }

  erase(slots: Int32Array): void {
    for (const slot of slots) {
      const oldKey = this.keyAt(slot);
      this.present.delete(slot);
      this.reindex(slot, oldKey);
    }
  }

  read(slots: Int32Array): Column {
    const values = new BigInt64Array(slots.length);
    const out = new Int32Array(values.buffer);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < 0 || !this.present.has(slot)) {
        setMissing(missing, i);
      } else {
        out[i * 2] = this.words[slot * 2];
        out[i * 2 + 1] = this.words[slot * 2 + 1];
      }
    }
    return { name: this.spec.name, type: 'int64', values, missing };
  }

  /** The slots whose value the range admits, bounds compared exactly with the int64s. */
  slotsInRange(range: RangeBounds, extent: number): SlotBitmap {
    if (isUnbounded(range)) return this.present.clone();
    const interval = int64Interval(range);
    const slots = new SlotBitmap(extent);
    if (interval !== undefined) this.collect(interval.low, interval.high, slots);
    return slots;
  }

  /** The slots whose value is one of `values`. */
  slotsEqualToAny(values: readonly bigint[], extent: number): SlotBitmap {
    const slots = new SlotBitmap(extent);
    for (const value of values) this.collect(value, value, slots);
    return slots;
  }

  clear(): void {
    this.present.clear();
    this.index.clear();
  }

  private collect(low: bigint, high: bigint, target: SlotBitmap): void {
    const lowKey = Number(low);
    const highKey = Number(high);
    const exactEnds = Math.abs(lowKey) >= EXACT_KEYS_BELOW || Math.abs(highKey) >= EXACT_KEYS_BELOW;
    const admits = (slot: number) => this.values[slot] >= low && this.values[slot] <= high;
    this.index.collect(lowKey, highKey, target, exactEnds ? admits : undefined);
  }

  /** Keeps the index in step after the slot's value changed from the one keyed `oldKey` (NaN: none). */
  private reindex(slot: number, oldKey: number): void {
    const newKey = this.keyAt(slot);
    if (newKey === oldKey) return;
    if (!Number.isNaN(oldKey)) this.index.markOutdated(slot);
    if (!Number.isNaN(newKey)) this.index.add(newKey, slot);
  }
}
