import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { NumericIndex, type SlotKeys } from './numeric-index.js';
import { doubleInterval, isUnbounded, type RangeBounds } from './range-bounds.js';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';

/**
 * A DOUBLE field: 8 bytes a row, NaN in slots without a value, so the
 * value array is also the key array the range index checks pairs against.
 * A stored NaN is a value (it is not missing) that no bound admits.
 */
export class DoubleField implements StoredField, SlotKeys {
  readonly present = new SlotBitmap();
  private values = new Float64Array(0);
  private readonly index = new NumericIndex(this);

  constructor(readonly spec: FieldSpec) {}

  reserve(allocated: number): void {
    if (allocated <= this.values.length) return;
    const values = new Float64Array(allocated).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
  }

  keyAt(slot: number): number {
    return this.values[slot];
  }

  write(slots: Int32Array, rows: Int32Array, column: Column): void {
    const values = valuesOf(column, 'double');
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      if (isMissing(column.missing, row)) this.setValue(slots[i], Number.NaN, false);
      else this.setValue(slots[i], values[row], true);
    }
  }

  erase(slots: Int32Array): void {
    for (const slot of slots) this.setValue(slot, Number.NaN, false);
  }

  read(slots: Int32Array): Column {
    const values = new Float64Array(slots.length);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < 0 || !this.present.has(slot)) setMissing(missing, i);
      else values[i] = this.values[slot];
    }
    return { name: this.spec.name, type: 'double', values, missing };
  }

  /** The slots whose value the range admits; a range without bounds admits every value, NaN included. */
  slotsInRange(range: RangeBounds, extent: number): SlotBitmap {
    if (isUnbounded(range)) return this.present.clone();
    const slots = new SlotBitmap(extent);
    const interval = doubleInterval(range);
    if (interval !== undefined) this.index.collect(interval.low, interval.high, slots);
    return slots;
  }

  clear(): void {
    this.present.clear();
    this.values.fill(Number.NaN);
    this.index.clear();
  }

  private setValue(slot: number, value: number, present: boolean): void {
    const old = this.values[slot];
    if (present) this.present.add(slot);
    else this.present.delete(slot);
    // Object.is: -0 and +0 are different bits to store, NaN equals NaN.
    if (Object.is(old, value)) return;
    this.values[slot] = value;
    if (!Number.isNaN(old)) this.index.markOutdated(slot);
    if (!Number.isNaN(value)) this.index.add(value, slot);
  }
}
