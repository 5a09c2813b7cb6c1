import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { KeywordIndex } from './keyword-index.js';
import { PostingChanges } from './posting-changes.js';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';

/** No value in this slot. */
const NO_CODE = -1;

/** A KEYWORD field: one string per row, kept as its dictionary code (4 bytes a row) and indexed by value. */
export class KeywordField implements StoredField {
  readonly present = new SlotBitmap();
  readonly index = new KeywordIndex();
  private codes = new Int32Array(0);

  constructor(readonly spec: FieldSpec) {}

  reserve(allocated: number): void {
    if (allocated <= this.codes.length) return;
    const codes = new Int32Array(allocated).fill(NO_CODE);
    codes.set(this.codes);
    this.codes = codes;
  }

  write(slots: Int32Array, rows: Int32Array, column: Column, extent: number): void {
    const values = valuesOf(column, 'keyword');
    const changes = new PostingChanges();
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      const code = isMissing(column.missing, row) ? NO_CODE : this.index.intern(values[row]);
      this.setCode(slots[i], code, changes);
    }
    this.index.apply(changes, extent);
  }

  erase(slots: Int32Array, extent: number): void {
    const changes = new PostingChanges();
    for (const slot of slots) this.setCode(slot, NO_CODE, changes);
    this.index.apply(changes, extent);
  }

  read(slots: Int32Array): Column {
    const values = new Array<string>(slots.length);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const code = slots[i] < 0 ? NO_CODE : this.codes[slots[i]];
      if (code === NO_CODE) setMissing(missing, i);
      values[i] = code === NO_CODE ? '' : this.index.valueOf(code);
    }
    return { name: this.spec.name, type: 'keyword', values, missing };
  }

  /** The slots whose value is one of `values`. */
  slotsWithAny(values: readonly string[], extent: number): SlotBitmap {
    return this.index.slotsWithAny(values, extent);
  }

  clear(): void {
    this.present.clear();
    this.index.clear();
    this.codes.fill(NO_CODE);
  }

  private setCode(slot: number, code: number, changes: PostingChanges): void {
    const old = this.codes[slot];
    if (old === code) return;
    if (old !== NO_CODE) changes.remove(old, slot);
    if (code !== NO_CODE) changes.add(code, slot);
    this.codes[slot] = code;
    if (code === NO_CODE) this.present.delete(slot);
    else this.present.add(slot);
  }
}
