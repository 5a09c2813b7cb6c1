import { FIELD_LIMITS, invalidArgument } from '@vecshard/proto';
import { BoolField } from './bool-field.js';
import { DoubleField } from './double-field.js';
import type { ConditionInput, ConditionKind, FilterInput, MatchInput, RangeInput } from './filter-input.js';
import { Int64Field } from './int64-field.js';
import { KeywordField } from './keyword-field.js';
import { KeywordsField } from './keywords-field.js';
import type { RowSlots } from './row-slots.js';
import { SlotBitmap } from './slot-bitmap.js';
import type { StoredField } from './stored-field.js';

const CONDITION_KINDS: readonly ConditionKind[] = ['match', 'range', 'nested', 'hasId', 'isMissing'];

/**
 * Answers a filter as the bitmap of live slots it admits. Each condition is
 * answered from an index as a bitmap, and the filter's lists combine them
 * with And / Or / AndNot over words; rows are never visited one by one. The
 * only complements (is_missing, must_not) are taken against the live-slot
 * bitmap, a pass over words.
 *
 * Conditions naming unknown fields, or asking a field for what its type
 * cannot answer, are refused with INVALID_ARGUMENT naming the field. The
 * coordinator checks filters first; this is defence in depth.
 */
export class FilterEvaluator {
  constructor(
    private readonly fields: ReadonlyMap<string, StoredField>,
    private readonly slots: RowSlots,
  ) {}

  /** The live slots the filter admits; an absent or empty filter admits all of them. */
  evaluate(filter: FilterInput | undefined): SlotBitmap {
    if (filter === undefined) return this.slots.live.clone();
    return this.evaluateFilter(filter, { depth: 1, conditions: 0 });
  }

  private evaluateFilter(filter: FilterInput, budget: { depth: number; conditions: number }): SlotBitmap {
    if (budget.depth > FIELD_LIMITS.maxFilterDepth) {
      throw invalidArgument(`filter nests deeper than ${FIELD_LIMITS.maxFilterDepth} levels`);
    }
    const must = filter.must ?? [];
    const should = filter.should ?? [];
    const mustNot = filter.mustNot ?? [];
    const admitted = this.slots.live.clone();
    const evaluate = (condition: ConditionInput) => this.evaluateCondition(condition, budget);
    for (const condition of must) admitted.and(evaluate(condition));
    if (should.length > 0) {
      const any = new SlotBitmap(this.slots.extent);
      for (const condition of should) any.or(evaluate(condition));
      admitted.and(any);
    }
    for (const condition of mustNot) admitted.andNot(evaluate(condition));
    return admitted;
  }

  private evaluateCondition(
    condition: ConditionInput,
    budget: { depth: number; conditions: number },
  ): SlotBitmap {
    if (++budget.conditions > FIELD_LIMITS.maxFilterConditions) {
      throw invalidArgument(`filter has more than ${FIELD_LIMITS.maxFilterConditions} conditions`);
    }
    switch (kindOf(condition)) {
      case 'match':
        return this.evaluateMatch(condition.match!);
      case 'range':
        return this.evaluateRange(condition.range!);
      case 'nested': {
        budget.depth++;
        const nested = this.evaluateFilter(condition.nested!, budget);
        budget.depth--;
        return nested;
      }
      case 'hasId':
        return this.evaluateHasId(condition.hasId!);
      case 'isMissing':
        return this.slots.live.clone().andNot(this.field(condition.isMissing!).present);
    }
  }

  private evaluateMatch(match: MatchInput): SlotBitmap {
    const field = this.field(match.field);
    const extent = this.slots.extent;
    if (field instanceof KeywordField || field instanceof KeywordsField) {
      requireOnly(match, 'keywords', field);
      return field.slotsWithAny(match.keywords ?? [], extent);
    }
    if (field instanceof Int64Field) {
      requireOnly(match, 'int64s', field);
      return field.slotsEqualToAny(
        (match.int64s ?? []).map((value) => parseInt64(value, match.field)),
        extent,
      );
    }
    if (field instanceof BoolField) {
      requireOnly(match, 'bools', field);
      return field.slotsWithAny(match.bools ?? [], extent);
    }
    throw invalidArgument(
      `field "${match.field}" is ${field.spec.type}: match needs a keyword, keywords, int64 or bool field`,
    );
  }

  private evaluateRange(range: RangeInput): SlotBitmap {
    const field = this.field(range.field);
    if (field instanceof Int64Field || field instanceof DoubleField)
      return field.slotsInRange(range, this.slots.extent);
    throw invalidArgument(
      `field "${range.field}" is ${field.spec.type}: range needs an int64 or double field`,
    );
  }

  private evaluateHasId(bytes: Uint8Array): SlotBitmap {
    if (bytes.byteLength % 8 !== 0) {
      throw invalidArgument(`has_id holds ${bytes.byteLength} bytes, not a whole number of int64 ids`);
    }
    const ids = new BigInt64Array(bytes.byteLength / 8);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < ids.length; i++) ids[i] = view.getBigInt64(i * 8, true);
    const matched = new SlotBitmap(this.slots.extent);
    for (const slot of this.slots.slotsOf(ids)) if (slot >= 0) matched.add(slot);
    return matched;
  }

  private field(name: string): StoredField {
    const field = this.fields.get(name);
    if (field === undefined) throw invalidArgument(`filter names unknown field "${name}"`);
    return field;
  }
}

/** The condition's set member: proto-loader names it; hand-built conditions have exactly one set. */
function kindOf(condition: ConditionInput): ConditionKind {
  const named = condition.condition;
  const kinds = named !== undefined ? [named] : CONDITION_KINDS.filter((kind) => isSet(condition, kind));
  if (kinds.length !== 1 || !isSet(condition, kinds[0])) {
    throw invalidArgument(
      'a filter condition must set exactly one of match, range, nested, has_id, is_missing',
    );
  }
  return kinds[0];
}

function isSet(condition: ConditionInput, kind: ConditionKind): boolean {
  return condition[kind] !== undefined && condition[kind] !== null;
}

const MATCH_VALUE_LISTS = ['keywords', 'int64s', 'bools'] as const;

/** Refuses a match carrying values of another kind than the field's (e.g. int64s for a keyword field). */
function requireOnly(match: MatchInput, list: (typeof MATCH_VALUE_LISTS)[number], field: StoredField): void {
  for (const other of MATCH_VALUE_LISTS) {
    if (other !== list && (match[other]?.length ?? 0) > 0) {
      throw invalidArgument(`field "${match.field}" is ${field.spec.type}: match gives it ${other}`);
    }
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A decimal integer string (BigInt alone would also take '', ' 7 ' and '0x1f'). */
const DECIMAL = /^-?\d+$/;

function parseInt64(value: string | number | bigint, field: string): bigint {
  if (!isIntegral(value)) {
    throw invalidArgument(`match on field "${field}" gives ${JSON.stringify(String(value))}, not an int64`);
  }
  const parsed = BigInt(value);
  if (parsed < INT64_MIN || parsed > INT64_MAX) {
    throw invalidArgument(`match on field "${field}" gives ${parsed}, outside int64`);
  }
  return parsed;
}

function isIntegral(value: string | number | bigint): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value === 'number') return Number.isInteger(value);
  return DECIMAL.test(value);
}
