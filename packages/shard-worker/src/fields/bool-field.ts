import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';

/**
 * A BOOL field: two bitmaps, the true slots and the false slots, which are
 * both the stored values and the index (a quarter of a byte a row).
 */
export class BoolField implements StoredField {
  readonly present = new SlotBitmap();
  private readonly trueSlots = new SlotBitmap();
  private readonly falseSlots = new SlotBitmap();

  constructor(readonly spec: FieldSpec) {}

  reserve(): void {
    // Bitmaps grow as slots are set.
  }

  write(slots: Int32Array, rows: Int32Array, column: Column): void {
    const values = valuesOf(column, 'bool');
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      if (isMissing(column.missing, row)) this.setValue(slots[i], undefined);
      else this.setValue(slots[i], values[row] !== 0);
    }
  }

  erase(slots: Int32Array): void {
    for (const slot of slots) this.setValue(slot, undefined);
  }

  read(slots: Int32Array): Column {
    const values = new Uint8Array(slots.length);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < 0 || !this.present.has(slot)) setMissing(missing, i);
      else values[i] = this.trueSlots.has(slot) ? 1 : 0;
    }
    return { name: this.spec.name, type: 'bool', values, missing };
  }

  /** The slots whose value is one of `values`. */
  slotsWithAny(values: readonly boolean[], extent: number): SlotBitmap {
    const slots = new SlotBitmap(extent);
    if (values.includes(true)) slots.or(this.trueSlots);
    if (values.includes(false)) slots.or(this.falseSlots);
    return slots;
  }

  clear(): void {
    this.present.clear();
    this.trueSlots.clear();
    this.falseSlots.clear();
  }

  private setValue(slot: number, value: boolean | undefined): void {
    if (value === undefined) this.present.delete(slot);
    else this.present.add(slot);
    if (value === true) this.trueSlots.add(slot);
    else this.trueSlots.delete(slot);
    if (value === false) this.falseSlots.add(slot);
    else this.falseSlots.delete(slot);
  }
}
