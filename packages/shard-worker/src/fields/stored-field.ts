import type { Column, ColumnValues, FieldSpec, FieldTypeName } from '@vecshard/proto';
import type { SlotBitmap } from './slot-bitmap.js';

/**
 * One field's values for every slot, with whatever index answers its
 * conditions. The store hands each field the slots a batch writes; a field
 * unindexes a slot's old value itself (it knows it has one from `present`).
 */
export interface StoredField {
  readonly spec: FieldSpec;
  /** Slots holding a value (a row whose value is missing is not here). */
  readonly present: SlotBitmap;
  /** Makes the per-slot arrays hold at least `allocated` slots. */
  reserve(allocated: number): void;
  /**
   * Stores row `rows[i]` of `column` in slot `slots[i]`, replacing what the
   * slot held. `extent` is the store's slot extent after the batch.
   */
  write(slots: Int32Array, rows: Int32Array, column: Column, extent: number): void;
  /** Forgets the slots' values (their rows were removed). */
  erase(slots: Int32Array, extent: number): void;
  /** The values of these slots, in that order; a slot of -1 or without a value reads as missing. */
  read(slots: Int32Array): Column;
  clear(): void;
}

/** A column's value array type, by field type name. */
type ValuesOf = { [C in ColumnValues as C['type']]: C['values'] };

/** The values of a column of the given type; throws when the store passed another type (a bug, not input). */
export function valuesOf<T extends FieldTypeName>(column: Column, type: T): ValuesOf[T] {
  if (column.type !== type)
    throw new Error(`column "${column.name}" holds ${column.type} values, not ${type}`);
  return column.values as ValuesOf[T];
}
