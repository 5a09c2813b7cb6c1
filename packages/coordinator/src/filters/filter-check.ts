/**
 * Checks a Filter that arrived as a message against the collection's schema,
 * so a shard never meets a condition it cannot evaluate. Messages name the
 * condition's place (e.g. `filter.must[1].nested.should[0]`), the field and
 * what would be allowed.
 */
import {
  type Condition__Output,
  FIELD_LIMITS,
  type FieldSpec,
  type FieldTypeName,
  type Filter__Output,
  fieldTypeLabel,
  invalidArgument,
  type Match__Output,
  type Range__Output,
} from '@vecshard/proto';

/** Throws INVALID_ARGUMENT when the filter does not fit the schema or FIELD_LIMITS. */
export function checkFilter(filter: Filter__Output, schema: readonly FieldSpec[]): void {
  new FilterChecker(schema).checkFilter(filter, 'filter', 1);
}

type ConditionMember = NonNullable<Condition__Output['condition']>;
const CONDITION_MEMBERS: readonly ConditionMember[] = ['match', 'range', 'nested', 'hasId', 'isMissing'];

type MatchList = 'keywords' | 'int64s' | 'bools';
const MATCH_LISTS: readonly MatchList[] = ['keywords', 'int64s', 'bools'];

/** The Match list each matchable type takes (DOUBLE and JSON take none). */
const MATCH_LIST_OF_TYPE: Partial<Record<FieldTypeName, MatchList>> = {
  keyword: 'keywords',
  keywords: 'keywords',
  int64: 'int64s',
  bool: 'bools',
};

const RANGE_BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
const INT64_TEXT = /^-?\d{1,19}$/;
const ROW_ID = 'id';

class FilterChecker {
  private conditions = 0;
  private readonly fields: Map<string, FieldSpec>;

  constructor(private readonly schema: readonly FieldSpec[]) {
    this.fields = new Map(schema.map((spec) => [spec.name, spec]));
  }

  checkFilter(filter: Filter__Output, path: string, depth: number): void {
    const lists = [
      ['must', filter.must],
      ['should', filter.should],
      ['must_not', filter.mustNot],
    ] as const;
    for (const [listName, conditions] of lists) {
      (conditions ?? []).forEach((condition, index) => {
        this.checkCondition(condition, `${path}.${listName}[${index}]`, depth);
      });
    }
  }

  private checkCondition(condition: Condition__Output, path: string, depth: number): void {
    this.conditions += 1;
    if (this.conditions > FIELD_LIMITS.maxFilterConditions) {
      throw invalidArgument(
        `${path}: the filter has more than ${FIELD_LIMITS.maxFilterConditions} conditions ` +
          `(counted over every nesting level)`,
      );
    }
    const member = memberOf(condition);
    switch (member) {
      case 'match':
        this.checkMatch(condition.match!, `${path}.match`);
        return;
      case 'range':
        this.checkRange(condition.range!, `${path}.range`);
        return;
      case 'nested':
        this.checkNested(condition.nested ?? emptyFilter(), `${path}.nested`, depth);
        return;
      case 'hasId':
        checkHasId(condition.hasId!, `${path}.has_id`);
        return;
      case 'isMissing':
        this.checkIsMissing(condition.isMissing!, `${path}.is_missing`);
        return;
      default:
        throw invalidArgument(
          `${path}: the condition sets nothing; set one of match, range, nested, has_id, is_missing`,
        );
    }
  }

  private checkNested(filter: Filter__Output, path: string, depth: number): void {
    if (depth + 1 > FIELD_LIMITS.maxFilterDepth) {
      throw invalidArgument(
        `${path}: the filter nests more than ${FIELD_LIMITS.maxFilterDepth} levels deep ` +
          `(a filter without nested ones has 1)`,
      );
    }
    this.checkFilter(filter, path, depth + 1);
  }

  private checkMatch(match: Match__Output, path: string): void {
    const spec = this.filterableField(match.field, path, 'match');
    const expected = MATCH_LIST_OF_TYPE[spec.type];
    if (expected === undefined) {
      throw invalidArgument(
        `${path}: field "${spec.name}" is DOUBLE; match applies to KEYWORD, KEYWORDS, INT64 and BOOL fields ` +
          `(use a range with gte = lte for equality)`,
      );
    }
    const given = MATCH_LISTS.filter((list) => (match[list]?.length ?? 0) > 0);
    const takes = `field "${spec.name}" is ${fieldTypeLabel(spec.type)} and takes ${expected}`;
    if (given.length === 0) throw invalidArgument(`${path}: the match has no values; ${takes}`);
    if (given.length > 1 || given[0] !== expected) {
      throw invalidArgument(`${path}: the match gives ${given.join(' and ')}; ${takes}`);
    }
    const values = match[expected];
    if (values.length > FIELD_LIMITS.maxMatchValues) {
      throw invalidArgument(
        `${path}: the match on "${spec.name}" has ${values.length} values; at most ${FIELD_LIMITS.maxMatchValues}`,
      );
    }
    if (expected === 'int64s') checkInt64s(match.int64s, path, spec.name);
  }

  private checkRange(range: Range__Output, path: string): void {
    const spec = this.filterableField(range.field, path, 'range');
    if (spec.type !== 'int64' && spec.type !== 'double') {
      throw invalidArgument(
        `${path}: field "${spec.name}" is ${fieldTypeLabel(spec.type)}; ranges apply to INT64 and DOUBLE fields`,
      );
    }
    const bounds = RANGE_BOUNDS.filter((bound) => typeof range[bound] === 'number');
    if (bounds.length === 0) {
      throw invalidArgument(`${path}: the range on "${spec.name}" has no bound; set gt, gte, lt or lte`);
    }
    for (const bound of bounds) {
      if (Number.isNaN(range[bound])) {
        throw invalidArgument(
          `${path}: the range on "${spec.name}" has ${bound} = NaN; bounds must be numbers`,
        );
      }
    }
  }

  private checkIsMissing(name: string, path: string): void {
    this.filterableField(name, path, 'is_missing');
  }

  /** The schema field a condition names: not the row id, not unknown, not JSON. */
  private filterableField(name: string, path: string, condition: string): FieldSpec {
    if (name === '') throw invalidArgument(`${path}: the ${condition} names no field`);
    if (name.toLowerCase() === ROW_ID) {
      throw invalidArgument(
        `${path}: "${name}" is the row id; a ${condition} takes a field (use has_id for ids)`,
      );
    }
    const spec = this.fields.get(name);
    if (spec === undefined) {
      const known = this.schema.map((candidate) => candidate.name).join(', ');
      throw invalidArgument(
        `${path}: unknown field "${name}" (${known === '' ? 'the collection has no fields' : `fields: ${known}`})`,
      );
    }
    if (spec.type === 'json') {
      throw invalidArgument(
        `${path}: field "${name}" is JSON; JSON fields are stored and returned, never filtered`,
      );
    }
    return spec;
  }
}

/** The member a condition sets: the loader's discriminator, or (for a message built in code) the one present. */
function memberOf(condition: Condition__Output): ConditionMember | undefined {
  const present = CONDITION_MEMBERS.filter(
    (member) => condition[member] !== undefined && condition[member] !== null,
  );
  if (condition.condition !== undefined) {
    return present.includes(condition.condition) ? condition.condition : undefined;
  }
  return present.length === 1 ? present[0] : undefined;
}

function checkHasId(bytes: Uint8Array, path: string): void {
  if (bytes.length === 0) throw invalidArgument(`${path}: holds no ids; give at least one (int64 LE)`);
  if (bytes.length % 8 !== 0) {
    throw invalidArgument(`${path}: holds ${bytes.length} bytes, not a multiple of 8 (ids are int64 LE)`);
  }
}

function checkInt64s(values: readonly string[], path: string, field: string): void {
  for (const value of values) {
    const text = String(value);
    if (!INT64_TEXT.test(text) || BigInt.asIntN(64, BigInt(text)) !== BigInt(text)) {
      throw invalidArgument(`${path}: the match on "${field}" holds "${text}", not an int64`);
    }
  }
}

function emptyFilter(): Filter__Output {
  return { must: [], should: [], mustNot: [] };
}
