import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';

/** A JSON field: the document text per row, stored and returned, never indexed (only is_missing looks at it). */
export class JsonField implements StoredField {
  readonly present = new SlotBitmap();
  private documents: (string | undefined)[] = [];

  constructor(readonly spec: FieldSpec) {}

  reserve(allocated: number): void {
    while (this.documents.length < allocated) this.documents.push(undefined);
  }

  write(slots: Int32Array, rows: Int32Array, column: Column): void {
    const values = valuesOf(column, 'json');
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      const document = isMissing(column.missing, row) ? undefined : values[row];
      this.documents[slots[i]] = document;
      if (document === undefined) this.present.delete(slots[i]);
      else this.present.add(slots[i]);
    }
  }

  erase(slots: Int32Array): void {
    for (const slot of slots) {
      this.documents[slot] = undefined;
      this.present.delete(slot);
    }
  }

  read(slots: Int32Array): Column {
    const values = new Array<string>(slots.length);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const document = slots[i] < 0 ? undefined : this.documents[slots[i]];
      if (document === undefined) setMissing(missing, i);
      values[i] = document ?? '';
    }
    return { name: this.spec.name, type: 'json', values, missing };
  }

  clear(): void {
    this.present.clear();
    this.documents = [];
  }
}
