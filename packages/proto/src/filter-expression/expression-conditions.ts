/**
 * The typed meaning of one comparison of a filter expression: which Match,
 * Range, has_id or is_missing condition it is for the field's type, or why
 * it does not fit the field. The parser builds the and/or/not tree around
 * these; expression-to-filter.ts turns the tree into a Filter.
 */
import type { FieldSpec } from '../fields/field-schema.js';
import { fieldTypeLabel } from '../fields/schema-check.js';
import type { Condition__Output, Match__Output, Range__Output } from '../types.js';
import { FilterExpressionError } from './filter-expression-error.js';

/** A parsed expression: and/or/not over single conditions, each remembering where it was written. */
export type BoolExpr =
  | { kind: 'condition'; condition: Condition__Output; position: number }
  | { kind: 'and' | 'or'; items: BoolExpr[]; position: number }
  | { kind: 'not'; item: BoolExpr; position: number };

/** A field named in the expression: the row id or a schema field. */
export type FieldRef =
  | { kind: 'id'; name: string; position: number }
  | { kind: 'field'; spec: FieldSpec; position: number };

export interface Literal {
  kind: 'string' | 'number' | 'bool';
  /** The decoded string, the number as written, or "true"/"false". */
  text: string;
  position: number;
}

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** The operator that keeps the meaning when the two sides swap (`100 > price` is `price < 100`). */
export const SWAPPED_OPERATOR: Record<ComparisonOperator, ComparisonOperator> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

export function not(item: BoolExpr, position: number): BoolExpr {
  return { kind: 'not', item, position };
}

/** `field <operator> literal`. */
export function comparison(field: FieldRef, operator: ComparisonOperator, literal: Literal): BoolExpr {
  if (operator === '==') return equals(field, literal);
  if (operator === '!=') return not(equals(field, literal), field.position);
  return range(field, operator, literal);
}

/** `field in [literals]` (any of them; for KEYWORDS fields, any element of the row's set). */
export function membership(field: FieldRef, literals: Literal[]): BoolExpr {
  if (field.kind === 'id') return hasIds(field, literals);
  if (field.spec.type === 'double') return anyOf(literals.map((literal) => doubleEquals(field, literal)));
  return matchValues(field, literals);
}

/** A field standing alone: a BOOL field that is true. */
export function bareField(field: FieldRef): BoolExpr {
  if (field.kind === 'field' && field.spec.type === 'bool') {
    return matchValues(field, [{ kind: 'bool', text: 'true', position: field.position }]);
  }
  throw new FilterExpressionError(
    `${describeField(field)} cannot stand alone as a condition`,
    field.position,
    'only a BOOL field can (meaning it is true); compare the field with a value',
  );
}

/** `is_missing(field)`: rows without a value. */
export function missingValue(field: FieldRef): BoolExpr {
  if (field.kind === 'id') {
    throw new FilterExpressionError(
      'is_missing does not apply to the row id',
      field.position,
      'every row has one',
    );
  }
  return conditionExpr({ isMissing: field.spec.name, condition: 'isMissing' }, field.position);
}

function equals(field: FieldRef, literal: Literal): BoolExpr {
  if (field.kind === 'field' && field.spec.type === 'keywords') {
    throw new FilterExpressionError(
      `${describeField(field)} takes in, not ==`,
      field.position,
      `write ${field.spec.name} in ['a', 'b'] to match rows whose set holds any of the values`,
    );
  }
  return membership(field, [literal]);
}

/** A Range condition; `position` is where a limit error points (each value, for an `in` list). */
function range(
  field: FieldRef,
  operator: ComparisonOperator,
  literal: Literal,
  position = field.position,
): BoolExpr {
  if (field.kind === 'id' || (field.spec.type !== 'int64' && field.spec.type !== 'double')) {
    throw new FilterExpressionError(
      `${describeField(field)} cannot be compared with ${operator}`,
      field.position,
      '<, <=, > and >= apply to INT64 and DOUBLE fields',
    );
  }
  const bound = doubleValue(field, literal);
  return conditionExpr({ range: rangeOf(field.spec.name, operator, bound), condition: 'range' }, position);
}

/** A Range as the loader decodes one: each set bound with its synthetic oneof name. */
function rangeOf(name: string, operator: ComparisonOperator, bound: number): Range__Output {
  switch (operator) {
    case '<':
      return { field: name, lt: bound, _lt: 'lt' };
    case '<=':
      return { field: name, lte: bound, _lte: 'lte' };
    case '>':
      return { field: name, gt: bound, _gt: 'gt' };
    case '>=':
      return { field: name, gte: bound, _gte: 'gte' };
    default:
      return { field: name, gte: bound, _gte: 'gte', lte: bound, _lte: 'lte' };
  }
}

/** Equality on a DOUBLE field: Match does not take doubles, so a Range with gte = lte. */
function doubleEquals(field: FieldRef & { kind: 'field' }, literal: Literal): BoolExpr {
  return range(field, '==', literal, literal.position);
}

function anyOf(items: BoolExpr[]): BoolExpr {
  return items.length === 1 ? items[0] : { kind: 'or', items, position: items[0].position };
}

function matchValues(field: FieldRef & { kind: 'field' }, literals: Literal[]): BoolExpr {
  const match: Match__Output = { field: field.spec.name, keywords: [], int64s: [], bools: [] };
  switch (field.spec.type) {
    case 'keyword':
    case 'keywords':
      match.keywords = literals.map((literal) => stringValue(field, literal));
      break;
    case 'int64':
      match.int64s = literals.map((literal) => int64Value(field, literal).toString());
      break;
    case 'bool':
      match.bools = literals.map((literal) => boolValue(field, literal));
      break;
    default:
      throw new FilterExpressionError(`${describeField(field)} cannot be filtered`, field.position);
  }
  return conditionExpr({ match, condition: 'match' }, field.position);
}

function hasIds(field: FieldRef, literals: Literal[]): BoolExpr {
  const bytes = Buffer.alloc(8 * literals.length);
  literals.forEach((literal, index) => {
    bytes.writeBigInt64LE(int64Value(field, literal), 8 * index);
  });
  return conditionExpr({ hasId: bytes, condition: 'hasId' }, field.position);
}

function conditionExpr(condition: Condition__Output, position: number): BoolExpr {
  return { kind: 'condition', condition, position };
}

// ---- literals --------------------------------------------------------------

const INTEGER = /^-?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function stringValue(field: FieldRef, literal: Literal): string {
  if (literal.kind !== 'string') throw mismatch(field, literal, 'strings');
  return literal.text;
}

function int64Value(field: FieldRef, literal: Literal): bigint {
  if (literal.kind !== 'number' || !INTEGER.test(literal.text)) throw mismatch(field, literal, 'integers');
  const value = BigInt(literal.text);
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new FilterExpressionError(`${literal.text} is outside the int64 range`, literal.position);
  }
  return value;
}

function doubleValue(field: FieldRef, literal: Literal): number {
  if (literal.kind !== 'number') throw mismatch(field, literal, 'numbers');
  const value = Number(literal.text);
  if (!Number.isFinite(value)) {
    throw new FilterExpressionError(`${literal.text} is outside the double range`, literal.position);
  }
  return value;
}

function boolValue(field: FieldRef, literal: Literal): boolean {
  if (literal.kind !== 'bool') throw mismatch(field, literal, 'true or false');
  return literal.text === 'true';
}

function mismatch(field: FieldRef, literal: Literal, takes: string): FilterExpressionError {
  return new FilterExpressionError(
    `${describeField(field)} takes ${takes}, not ${describeLiteral(literal)}`,
    literal.position,
  );
}

function describeField(field: FieldRef): string {
  if (field.kind === 'id') return `the row id "${field.name}"`;
  return `field "${field.spec.name}" is ${fieldTypeLabel(field.spec.type)} and`;
}

function describeLiteral(literal: Literal): string {
  if (literal.kind === 'string') return `the string ${JSON.stringify(literal.text)}`;
  if (literal.kind === 'number') return `the number ${literal.text}`;
  return literal.text;
}
