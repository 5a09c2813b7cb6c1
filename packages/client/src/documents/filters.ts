import { status } from '@grpc/grpc-js';
import { encodeArray } from '@vecshard/proto';
import { VecshardError } from '../errors.js';
import type { Condition, Filter, Match, Range } from '../types.js';
import { describe, int64ToWire } from './field-columns.js';
import type { WireCondition, WireFilter } from './wire.js';

/** Deeper than this, a filter is taken for a cycle (the cluster allows 16 levels anyway). */
const MAX_DEPTH = 64;

const FILTER_KEYS = ['must', 'should', 'mustNot'] as const;
const CONDITION_KEYS = ['match', 'range', 'nested', 'hasId', 'isMissing'] as const;
const RANGE_BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
const MATCH_LISTS = ['keywords', 'int64s', 'bools'] as const;

/**
 * The request fields a filter sets: an expression goes as
 * `filterExpression`, a {@link Filter} as `filter` (checked first: see
 * {@link toWireFilter}). A filter without any condition (undefined, a blank
 * expression, no must / should / mustNot) sets neither: it means every row.
 */
export function filterRequest(
  filter: Filter | string | undefined,
  method: string,
): { filter?: WireFilter; filterExpression?: string } {
  if (filter === undefined) return {};
  if (typeof filter === 'string') return filter.trim() === '' ? {} : { filterExpression: filter };
  const wire = toWireFilter(filter, method);
  return FILTER_KEYS.some((key) => (wire[key]?.length ?? 0) > 0) ? { filter: wire } : {};
}

/**
 * A {@link Filter} in wire form (proto-loader's request object: camelCase
 * keys, one member of the `condition` oneof set, int64 values as decimal
 * strings, ids as int64 LE bytes). Malformed filters (an unknown key, a
 * condition with none or two of its kinds, a value of the wrong type) are
 * refused with INVALID_ARGUMENT naming the place.
 */
export function toWireFilter(filter: Filter, method = 'filter', path = 'filter', depth = 1): WireFilter {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw refuse(method, path, `expected an object with must / should / mustNot, got ${describe(filter)}`);
  if (depth > MAX_DEPTH) throw refuse(method, path, `nested more than ${MAX_DEPTH} levels deep (a cycle?)`);
  for (const key of Object.keys(filter))
    if (!(FILTER_KEYS as readonly string[]).includes(key))
      throw refuse(
        method,
        path,
        `unknown key "${key}" (a filter has must, should and mustNot${key === 'must_not' ? '; use mustNot' : ''})`,
      );
  const wire: WireFilter = {};
  for (const key of FILTER_KEYS) {
    const conditions = filter[key];
    if (conditions === undefined) continue;
    if (!Array.isArray(conditions))
      throw refuse(method, `${path}.${key}`, `expected an array of conditions, got ${describe(conditions)}`);
    wire[key] = conditions.map((condition, i) =>
      toWireCondition(condition, method, `${path}.${key}[${i}]`, depth),
    );
  }
  return wire;
}

function toWireCondition(condition: Condition, method: string, path: string, depth: number): WireCondition {
  if (typeof condition !== 'object' || condition === null)
    throw refuse(method, path, `expected a condition object, got ${describe(condition)}`);
  const keys = Object.keys(condition).filter(
    (key) => (condition as Record<string, unknown>)[key] !== undefined,
  );
  const unknown = keys.find((key) => !(CONDITION_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined)
    throw refuse(method, path, `unknown condition "${unknown}" (one of ${CONDITION_KEYS.join(', ')})`);
  if (keys.length !== 1)
    throw refuse(
      method,
      path,
      keys.length === 0
        ? `an empty condition (give one of ${CONDITION_KEYS.join(', ')})`
        : `a condition has exactly one of ${CONDITION_KEYS.join(', ')}, got ${keys.join(' and ')}`,
    );
  if ('match' in condition && condition.match !== undefined)
    return { match: toWireMatch(condition.match, method, `${path}.match`) };
  if ('range' in condition && condition.range !== undefined)
    return { range: toWireRange(condition.range, method, `${path}.range`) };
  if ('nested' in condition && condition.nested !== undefined)
    return { nested: toWireFilter(condition.nested, method, `${path}.nested`, depth + 1) };
  if ('hasId' in condition && condition.hasId !== undefined)
    return { hasId: encodeArray(idsOf(condition.hasId, method, `${path}.hasId`)) };
  const field = (condition as { isMissing: unknown }).isMissing;
  if (typeof field !== 'string' || field === '')
    throw refuse(method, `${path}.isMissing`, `expected a field name, got ${describe(field)}`);
  return { isMissing: field };
}

function toWireMatch(match: Match, method: string, path: string): NonNullable<WireCondition['match']> {
  const field = fieldOf(match, method, path);
  const lists = MATCH_LISTS.filter((key) => (match as Record<string, unknown>)[key] !== undefined);
  if (lists.length !== 1)
    throw refuse(
      method,
      path,
      `give exactly one of keywords, int64s, bools (got ${lists.join(', ') || 'none'})`,
    );
  const values = (match as Record<string, unknown>)[lists[0]];
  if (!Array.isArray(values))
    throw refuse(method, `${path}.${lists[0]}`, `expected an array, got ${describe(values)}`);
  if ('keywords' in match && match.keywords !== undefined) {
    const bad = values.findIndex((value) => typeof value !== 'string');
    if (bad >= 0)
      throw refuse(method, `${path}.keywords[${bad}]`, `expected a string, got ${describe(values[bad])}`);
    return { field, keywords: [...(values as string[])] };
  }
  if ('bools' in match && match.bools !== undefined) {
    const bad = values.findIndex((value) => typeof value !== 'boolean');
    if (bad >= 0)
      throw refuse(method, `${path}.bools[${bad}]`, `expected a boolean, got ${describe(values[bad])}`);
    return { field, bools: [...(values as boolean[])] };
  }
  return {
    field,
    int64s: values.map((value, i) => {
      const text = int64ToWire(value);
      if (text === undefined)
        throw refuse(
          method,
          `${path}.int64s[${i}]`,
          `expected a safe integer number or an int64 bigint, got ${describe(value)}`,
        );
      return text;
    }),
  };
}

function toWireRange(range: Range, method: string, path: string): NonNullable<WireCondition['range']> {
  const wire: NonNullable<WireCondition['range']> = { field: fieldOf(range, method, path) };
  for (const key of Object.keys(range))
    if (key !== 'field' && !(RANGE_BOUNDS as readonly string[]).includes(key))
      throw refuse(method, path, `unknown key "${key}" (a range has field, gt, gte, lt, lte)`);
  for (const bound of RANGE_BOUNDS) {
    const value = range[bound];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value))
      throw refuse(method, `${path}.${bound}`, `expected a number, got ${describe(value)}`);
    wire[bound] = value;
  }
  if (RANGE_BOUNDS.every((bound) => range[bound] === undefined))
    throw refuse(method, path, 'give at least one of gt, gte, lt, lte');
  return wire;
}

function fieldOf(condition: { field?: unknown }, method: string, path: string): string {
  if (typeof condition !== 'object' || condition === null)
    throw refuse(method, path, `expected an object, got ${describe(condition)}`);
  if (typeof condition.field !== 'string' || condition.field === '')
    throw refuse(method, `${path}.field`, `expected a field name, got ${describe(condition.field)}`);
  return condition.field;
}

/** Ids as a BigInt64Array: a BigInt64Array as is, or an array of bigints and safe integers. */
export function idsOf(
  ids: BigInt64Array | readonly (bigint | number)[],
  method: string,
  what = 'ids',
): BigInt64Array {
  if (ids instanceof BigInt64Array) return ids;
  if (!Array.isArray(ids))
    throw refuse(method, what, `expected a BigInt64Array or an array of ids, got ${describe(ids)}`);
  const out = new BigInt64Array(ids.length);
  ids.forEach((id, i) => {
    const text = int64ToWire(id);
    if (text === undefined)
      throw refuse(
        method,
        `${what}[${i}]`,
        `expected a safe integer number or an int64 bigint, got ${describe(id)}`,
      );
    out[i] = BigInt(text);
  });
  return out;
}

function refuse(method: string, path: string, message: string): VecshardError {
  return new VecshardError(status.INVALID_ARGUMENT, `${method}: ${path}: ${message}`);
}

/**
 * Builders of filter conditions, for filters that read as what they ask:
 *
 * ```ts
 * const filter: Filter = {
 *   must: [where.match('color', 'red', 'blue'), where.range('price', { lt: 100 })],
 *   mustNot: [where.isMissing('brand')],
 * };
 * ```
 */
export const where = {
  /**
   * The field has any of the values: strings match keyword and keywords
   * fields, numbers and bigints int64 fields (integers only), booleans bool
   * fields. Compare double fields with {@link where.range}.
   */
  match(
    field: string,
    ...values: [string, ...string[]] | [number | bigint, ...(number | bigint)[]] | [boolean, ...boolean[]]
  ): Condition {
    const kinds = new Set(values.map((value) => (typeof value === 'bigint' ? 'number' : typeof value)));
    if (kinds.size !== 1)
      throw new VecshardError(
        status.INVALID_ARGUMENT,
        `where.match("${field}"): give one or more values of one kind (strings, integers or booleans)`,
      );
    const [kind] = kinds;
    if (kind === 'string') return { match: { field, keywords: values as string[] } };
    if (kind === 'boolean') return { match: { field, bools: values as boolean[] } };
    return { match: { field, int64s: values as (number | bigint)[] } };
  },
  /** An int64 or double field within bounds, e.g. `where.range('price', { gte: 10, lt: 100 })`. */
  range(field: string, bounds: Omit<Range, 'field'>): Condition {
    return { range: { field, ...bounds } };
  },
  /** The row's id is one of these. */
  hasId(...ids: (bigint | number)[]): Condition {
    return { hasId: ids };
  },
  /** The row has no value for the field. */
  isMissing(field: string): Condition {
    return { isMissing: field };
  },
  /** A filter as a condition, e.g. an OR inside an AND: `where.nested({ should: [a, b] })`. */
  nested(filter: Filter): Condition {
    return { nested: filter };
  },
} as const;
