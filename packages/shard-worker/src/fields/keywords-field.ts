import { type Column, type FieldSpec, isMissing, setMissing } from '@vecshard/proto';
import { KeywordIndex } from './keyword-index.js';
import { KeywordSets } from './keyword-sets.js';
import { PostingChanges } from './posting-changes.js';
import { SlotBitmap } from './slot-bitmap.js';
import { type StoredField, valuesOf } from './stored-field.js';

/**
 * A KEYWORDS field: a set of strings per row, indexed element by element, so
 * a row is in the posting of every element it holds. Sets are stored without
 * repeats, in first-seen order (["a", "b", "a"] reads back as ["a", "b"]).
 */
export class KeywordsField implements StoredField {
  readonly present = new SlotBitmap();
  readonly index = new KeywordIndex();
  private readonly sets = new KeywordSets();

  constructor(readonly spec: FieldSpec) {}

  reserve(allocated: number): void {
    this.sets.reserve(allocated);
  }

  write(slots: Int32Array, rows: Int32Array, column: Column, extent: number): void {
    const values = valuesOf(column, 'keywords');
    const changes = new PostingChanges();
    for (let i = 0; i < slots.length; i++) {
      const row = rows[i];
      if (isMissing(column.missing, row)) {
        this.setCodes(slots[i], [], changes);
        this.present.delete(slots[i]);
      } else {
        this.setCodes(slots[i], this.codesOf(values[row]), changes);
        this.present.add(slots[i]);
      }
    }
    this.index.apply(changes, extent);
  }

  erase(slots: Int32Array, extent: number): void {
    const changes = new PostingChanges();
    for (const slot of slots) {
      this.setCodes(slot, [], changes);
      this.present.delete(slot);
    }
    this.index.apply(changes, extent);
  }

  read(slots: Int32Array): Column {
    const values = new Array<string[]>(slots.length);
    const missing = new Uint8Array((slots.length + 7) >> 3);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < 0 || !this.present.has(slot)) {
        setMissing(missing, i);
        values[i] = [];
      } else {
        values[i] = Array.from(this.sets.codesOf(slot), (code) => this.index.valueOf(code));
      }
    }
    return { name: this.spec.name, type: 'keywords', values, missing };
  }

  /** The slots whose set holds any of `values`. */
  slotsWithAny(values: readonly string[], extent: number): SlotBitmap {
    return this.index.slotsWithAny(values, extent);
  }

  clear(): void {
    this.present.clear();
    this.index.clear();
    this.sets.clear();
  }

  /** The set's codes without repeats, in first-seen order. */
  private codesOf(set: readonly string[]): number[] {
    const codes: number[] = [];
    for (const value of set) {
      const code = this.index.intern(value);
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  /** Replaces the slot's set, queueing posting changes only for elements that come or go. */
  private setCodes(slot: number, codes: number[], changes: PostingChanges): void {
    const old = this.sets.codesOf(slot);
    for (const code of old) if (!codes.includes(code)) changes.remove(code, slot);
    for (const code of codes) if (!old.includes(code)) changes.add(code, slot);
    this.sets.set(slot, codes);
  }
}
