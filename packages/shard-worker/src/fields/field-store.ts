import {
  type Column,
  FIELD_LIMITS,
  FIELD_TYPE_NAMES,
  type FieldSpec,
  invalidArgument,
} from '@vecshard/proto';
import { createStoredField } from './field-factory.js';
import { FilterEvaluator } from './filter-evaluator.js';
import type { FilterInput } from './filter-input.js';
import { RowSet } from './row-set.js';
import { RowSlots } from './row-slots.js';
import { SlotBitmap } from './slot-bitmap.js';
import { sortedIdsOf } from './sorted-ids.js';
import type { StoredField } from './stored-field.js';
import { HIGH_WORD, LOW_WORD, wordsOf } from './word-order.js';

/**
 * One shard's rows' fields, beside its vectors: per-slot values for reads and
 * an index per field for filters. Rows are keyed by int64 id and remember the
 * inverted list they are stored in, so matches can be counted per list. An
 * upsert replaces the whole row; ids not held read as missing.
 */
export class FieldStore {
  readonly schema: readonly FieldSpec[];
  private readonly slots = new RowSlots();
  private readonly fields: StoredField[];
  private readonly byName: Map<string, StoredField>;
  private readonly evaluator: FilterEvaluator;

  constructor(schema: readonly FieldSpec[]) {
    checkSchema(schema);
    this.schema = schema.map((spec) => ({ ...spec }));
    this.fields = this.schema.map(createStoredField);
    this.byName = new Map(this.fields.map((field) => [field.spec.name, field]));
    this.evaluator = new FilterEvaluator(this.byName, this.slots);
  }

  /** Rows held. */
  get size(): number {
    return this.slots.size;
  }

  /**
   * Stores n rows: ids[i] in list lists[i] with row i of every column (one
   * column per schema field, in schema order). A held id's row is replaced
   * whole; when an id repeats in the batch its last row wins.
   */
  upsert(ids: BigInt64Array, lists: Int32Array | ArrayLike<number>, columns: readonly Column[]): void {
    this.checkBatch(ids, lists, columns);
    const { slots, rows } = this.occupySlots(ids, lists);
    this.reserve();
    const extent = this.slots.extent;
    this.fields.forEach((field, i) => {
      field.write(slots, rows, columns[i], extent);
    });
  }

  /** Removes the rows of these ids; returns how many were held. */
  remove(ids: BigInt64Array): number {
    const held = Int32Array.from(new Set(this.slots.slotsOf(ids).filter((slot) => slot >= 0)));
    const extent = this.slots.extent;
    for (const field of this.fields) field.erase(held, extent);
    for (const slot of held) this.slots.release(slot);
    return held.length;
  }

  /** The named fields' values for these ids, in that order; ids not held read as missing. */
  read(ids: BigInt64Array, fields: readonly string[]): Column[] {
    const stored = fields.map((name) => this.field(name));
    const slots = this.slots.slotsOf(ids);
    return stored.map((field) => field.read(slots));
  }

  /** The rows a filter admits; undefined (or an empty filter) admits every row. */
  match(filter: FilterInput | undefined): RowSet {
    return new RowSet(this.evaluator.evaluate(filter), this.slots);
  }

  /** Whether the id's row is held. */
  has(id: bigint): boolean {
    return this.slots.slotOf(id) >= 0;
  }

  /** The list an id's row is stored in, or undefined when not held. */
  listOf(id: bigint): number | undefined {
    const slot = this.slots.slotOf(id);
    return slot < 0 ? undefined : this.slots.listAt(slot);
  }

  /** The ids stored in one list, ascending (to export a list's fields). */
  rowsOfList(list: number): BigInt64Array {
    return sortedIdsOf(this.slots.idWords, this.slots.slotsOfList(list));
  }

  clear(): void {
    this.slots.clear();
    for (const field of this.fields) field.clear();
  }

  private field(name: string): StoredField {
    const field = this.byName.get(name);
    if (field === undefined) throw invalidArgument(`unknown field "${name}"`);
    return field;
  }

  /**
   * The slot of each effective row, and that row. Walking the batch from its
   * end lets a repeated id keep its last row without writing the others.
   */
  private occupySlots(ids: BigInt64Array, lists: ArrayLike<number>): { slots: Int32Array; rows: Int32Array } {
    const words = wordsOf(ids);
    const written = new SlotBitmap(this.slots.extent);
    const slots: number[] = [];
    const rows: number[] = [];
    for (let row = ids.length - 1; row >= 0; row--) {
      const low = words[row * 2 + LOW_WORD];
      const high = words[row * 2 + HIGH_WORD];
      if (written.has(this.slots.findWords(low, high))) continue;
      const slot = this.slots.occupy(low, high, lists[row]);
      written.add(slot);
      slots.push(slot);
      rows.push(row);
    }
    return { slots: Int32Array.from(slots.reverse()), rows: Int32Array.from(rows.reverse()) };
  }

  private reserve(): void {
    for (const field of this.fields) field.reserve(this.slots.allocated);
  }

  private checkBatch(ids: BigInt64Array, lists: ArrayLike<number>, columns: readonly Column[]): void {
    const n = ids.length;
    if (lists.length !== n) throw invalidArgument(`${n} ids but ${lists.length} lists`);
    if (columns.length !== this.schema.length) {
      throw invalidArgument(`${columns.length} field columns for a schema of ${this.schema.length} fields`);
    }
    this.schema.forEach((spec, i) => {
      checkColumn(spec, columns[i], n);
    });
  }
}

function checkColumn(spec: FieldSpec, column: Column, rows: number): void {
  if (column.name !== spec.name || column.type !== spec.type) {
    throw invalidArgument(
      `column "${column.name}" (${column.type}) where the schema has "${spec.name}" (${spec.type})`,
    );
  }
  if (column.values.length !== rows) {
    throw invalidArgument(`field "${spec.name}" has ${column.values.length} values for ${rows} rows`);
  }
  if (column.missing.length !== 0 && column.missing.length < (rows + 7) >> 3) {
    throw invalidArgument(
      `field "${spec.name}" has ${column.missing.length} missing-bit bytes for ${rows} rows`,
    );
  }
  // The store keeps a set's length in 16 bits; the documented limit is far below that.
  if (
    column.type === 'keywords' &&
    column.values.some((set) => set.length > FIELD_LIMITS.maxKeywordsPerRow)
  ) {
    throw invalidArgument(
      `field "${spec.name}" has a set of more than ${FIELD_LIMITS.maxKeywordsPerRow} keywords`,
    );
  }
}

function checkSchema(schema: readonly FieldSpec[]): void {
  const names = new Set<string>();
  for (const spec of schema) {
    if (!FIELD_TYPE_NAMES.includes(spec.type)) {
      throw invalidArgument(`field "${spec.name}" has unknown type ${spec.type}`);
    }
    if (names.has(spec.name)) throw invalidArgument(`field "${spec.name}" appears twice in the schema`);
    names.add(spec.name);
  }
}
