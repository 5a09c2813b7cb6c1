import { type Column, type FieldSpec, noneMissing, setMissing } from '@vecshard/proto';
import type { ConditionInput, FilterInput } from '../src/fields/filter-input.js';

/**
 * A plain model of a field store for tests: rows in a Map, filters evaluated
 * row by row with JS comparisons (bigint vs number compares exactly). The
 * store's bitmaps and indexes must agree with it.
 */
export type FieldValue = bigint | number | string | string[] | boolean;
export type RowValues = Record<string, FieldValue | undefined>;

export interface ModelRow {
  list: number;
  values: RowValues;
}

/** Columns of these rows for a schema (undefined values are missing, with placeholders). */
export function columnsOf(schema: readonly FieldSpec[], rows: readonly RowValues[]): Column[] {
  return schema.map((spec) => {
    const missing = noneMissing(rows.length);
    rows.forEach((row, i) => {
      if (row[spec.name] === undefined) setMissing(missing, i);
    });
    const value = (i: number) => rows[i][spec.name];
    const n = rows.length;
    const name = spec.name;
    switch (spec.type) {
      case 'int64':
        return {
          name,
          missing,
          type: 'int64',
          values: BigInt64Array.from({ length: n }, (_, i) => (value(i) as bigint) ?? 0n),
        };
      case 'double':
        return {
          name,
          missing,
          type: 'double',
          values: Float64Array.from({ length: n }, (_, i) => (value(i) as number) ?? 0),
        };
      case 'keyword':
        return { name, missing, type: 'keyword', values: rows.map((_, i) => (value(i) as string) ?? '') };
      case 'keywords':
        return { name, missing, type: 'keywords', values: rows.map((_, i) => (value(i) as string[]) ?? []) };
      case 'bool':
        return {
          name,
          missing,
          type: 'bool',
          values: Uint8Array.from({ length: n }, (_, i) => (value(i) ? 1 : 0)),
        };
      case 'json':
        return { name, missing, type: 'json', values: rows.map((_, i) => (value(i) as string) ?? '') };
      default:
        throw new Error(`no columns of type ${spec.type}`);
    }
  });
}

/** A model store: upserts replace, the last row of a repeated id wins. */
export class ModelStore {
  readonly rows = new Map<bigint, ModelRow>();

  upsert(ids: readonly bigint[], lists: readonly number[], values: readonly RowValues[]): void {
    for (let i = 0; i < ids.length; i++) this.rows.set(ids[i], { list: lists[i], values: values[i] });
  }

  remove(ids: readonly bigint[]): number {
    let removed = 0;
    for (const id of ids) if (this.rows.delete(id)) removed++;
    return removed;
  }

  /** The ids the filter admits, ascending. */
  matching(filter: FilterInput | undefined): bigint[] {
    return [...this.rows]
      .filter(([id, row]) => filter === undefined || admits(filter, id, row.values))
      .map(([id]) => id)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** How many of these (matching) ids each list holds. */
  countByList(ids: readonly bigint[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const id of ids) {
      const list = this.rows.get(id)!.list;
      counts.set(list, (counts.get(list) ?? 0) + 1);
    }
    return counts;
  }
}

export function admits(filter: FilterInput, id: bigint, row: RowValues): boolean {
  const holds = (condition: ConditionInput) => conditionHolds(condition, id, row);
  const should = filter.should ?? [];
  return (
    (filter.must ?? []).every(holds) &&
    (should.length === 0 || should.some(holds)) &&
    !(filter.mustNot ?? []).some(holds)
  );
}

function conditionHolds(condition: ConditionInput, id: bigint, row: RowValues): boolean {
  if (condition.match) {
    const value = row[condition.match.field];
    if (value === undefined) return false;
    const { keywords = [], int64s = [], bools = [] } = condition.match;
    if (Array.isArray(value)) return value.some((element) => keywords.includes(element));
    if (typeof value === 'string') return keywords.includes(value);
    if (typeof value === 'bigint') return int64s.some((wanted) => BigInt(wanted) === value);
    if (typeof value === 'boolean') return bools.includes(value);
    throw new Error('match on a double');
  }
  if (condition.range) {
    const value = row[condition.range.field] as bigint | number | undefined;
    if (value === undefined) return false;
    const { gt, gte, lt, lte } = condition.range;
    return (
      (gt === undefined || value > gt) &&
      (gte === undefined || value >= gte) &&
      (lt === undefined || value < lt) &&
      (lte === undefined || value <= lte)
    );
  }
  if (condition.nested) return admits(condition.nested, id, row);
  if (condition.hasId) return idsIn(condition.hasId).includes(id);
  if (condition.isMissing !== undefined) return row[condition.isMissing] === undefined;
  throw new Error('empty condition');
}

export function idBytes(ids: readonly bigint[]): Buffer {
  const bytes = Buffer.alloc(ids.length * 8);
  for (let i = 0; i < ids.length; i++) bytes.writeBigInt64LE(ids[i], i * 8);
  return bytes;
}

function idsIn(bytes: Uint8Array): bigint[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 8 }, (_, i) => buffer.readBigInt64LE(i * 8));
}

/** A column's value at row i as the model holds it (undefined when missing). */
export function valueAt(column: Column, i: number): FieldValue | undefined {
  if ((column.missing[i >> 3] ?? 0) & (1 << (i & 7))) return undefined;
  if (column.type === 'bool') return column.values[i] !== 0;
  return column.values[i];
}
