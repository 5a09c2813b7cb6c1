/**
 * The filter expression language (Milvus-like), e.g.
 *   color == 'red' and price < 100
 *   tags in ['a', 'b'] and not (year >= 2001 and year <= 2005)
 *   in_stock or id in [1, 2] or is_missing(color)
 * parsed into a Filter message, type-checked against the collection's schema.
 *
 * A hand-written recursive-descent parser: the grammar is a dozen rules, and
 * a parser generator or combinator library would be a dependency for less
 * control over error positions and messages.
 *
 * Grammar (words — and or not in true false is_missing — case-insensitive):
 *   disjunction := conjunction (("or" | "||") conjunction)*
 *   conjunction := negation (("and" | "&&") negation)*
 *   negation    := ("not" | "!") negation | primary
 *   primary     := "(" disjunction ")" | "is_missing" "(" field ")" | comparison
 *   comparison  := field ["not"] "in" list
 *                | field operator literal | literal operator field
 *                | field                                   (a BOOL field: true)
 *   list        := "[" literal ("," literal)* [","] "]"
 *   literal     := string | number | "true" | "false"
 *   operator    := "==" | "!=" | "<" | "<=" | ">" | ">="
 * Strings are '…' or "…" with backslash escapes; numbers are decimal, with an
 * optional sign, fraction and exponent. `id` names the row id.
 */
import { FIELD_LIMITS, type FieldSpec } from '../fields/field-schema.js';
import { EXPRESSION_WORDS } from '../fields/schema-check.js';
import type { Filter__Output } from '../types.js';
import {
  type BoolExpr,
  bareField,
  type ComparisonOperator,
  comparison,
  type FieldRef,
  type Literal,
  membership,
  missingValue,
  not,
  SWAPPED_OPERATOR,
} from './expression-conditions.js';
import { type Token, tokenize } from './expression-lexer.js';
import { expressionToFilter } from './expression-to-filter.js';
import { FilterExpressionError } from './filter-expression-error.js';

/** Parses a filter expression; throws FilterExpressionError (see toInvalidArgument). */
export function parseFilterExpression(text: string, schema: readonly FieldSpec[]): Filter__Output {
  const maxLength = FIELD_LIMITS.maxExpressionLength;
  if (text.length > maxLength) {
    throw new FilterExpressionError(
      `the filter expression is longer than ${maxLength} characters`,
      maxLength,
      `it has ${text.length}`,
    );
  }
  return expressionToFilter(new ExpressionParser(tokenize(text), schema).parse());
}

/** Words, not field names (the schema refuses fields named so). */
const WORDS = new Set(EXPRESSION_WORDS);
const OPERATORS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const ROW_ID = 'id';

/**
 * Parentheses and `not`s may nest this deep: far more than a filter may
 * (FIELD_LIMITS.maxFilterDepth, checked on the result), but it keeps a
 * 64 KiB run of "(" from overflowing the stack.
 */
const MAX_NESTING = 256;

class ExpressionParser {
  private index = 0;
  private nesting = 0;
  private readonly fields: Map<string, FieldSpec>;

  constructor(
    private readonly tokens: Token[],
    private readonly schema: readonly FieldSpec[],
  ) {
    this.fields = new Map(schema.map((spec) => [spec.name, spec]));
  }

  parse(): BoolExpr {
    const expr = this.disjunction();
    const rest = this.peek();
    if (rest.kind !== 'end') throw unexpected(rest, 'and, or, or the end of the expression');
    return expr;
  }

  private disjunction(): BoolExpr {
    const items = flattenInto([], this.conjunction(), 'or');
    while (this.acceptWord('or') || this.acceptSymbol('||')) flattenInto(items, this.conjunction(), 'or');
    return items.length === 1 ? items[0] : { kind: 'or', items, position: items[0].position };
  }

  private conjunction(): BoolExpr {
    const items = flattenInto([], this.negation(), 'and');
    while (this.acceptWord('and') || this.acceptSymbol('&&')) flattenInto(items, this.negation(), 'and');
    return items.length === 1 ? items[0] : { kind: 'and', items, position: items[0].position };
  }

  private negation(): BoolExpr {
    const token = this.peek();
    if (!isWord(token, 'not') && !isSymbol(token, '!')) return this.primary();
    this.index++;
    return this.deeper(token, () => not(this.negation(), token.position));
  }

  private primary(): BoolExpr {
    const token = this.peek();
    if (isSymbol(token, '(')) {
      this.index++;
      const expr = this.deeper(token, () => this.disjunction());
      this.expectSymbol(')', `")" to close the "(" at position ${token.position}`);
      return expr;
    }
    if (isWord(token, 'is_missing') && isSymbol(this.peek(1), '(')) return this.isMissingCall();
    return this.comparison();
  }

  private isMissingCall(): BoolExpr {
    this.index += 2;
    const field = this.field(this.next(), 'a field name');
    this.expectSymbol(')', '")" after the field name');
    return missingValue(field);
  }

  private comparison(): BoolExpr {
    const first = this.next();
    if (isFieldName(first)) return this.afterField(this.field(first, 'a field'));
    return this.afterLiteral(this.literal(first, 'a condition'));
  }

  private afterField(field: FieldRef): BoolExpr {
    const token = this.peek();
    if (isWord(token, 'in')) {
      this.index++;
      return membership(field, this.list());
    }
    if (isWord(token, 'not') && isWord(this.peek(1), 'in')) {
      this.index += 2;
      return not(membership(field, this.list()), token.position);
    }
    const operator = this.acceptOperator();
    if (operator === undefined) return bareField(field);
    const right = this.next();
    if (isFieldName(right)) {
      throw new FilterExpressionError(
        `cannot compare field "${right.text}" with another field`,
        right.position,
        'compare a field with a value',
      );
    }
    return comparison(field, operator, this.literal(right, 'a value'));
  }

  /** `100 > price`: a literal first, so the operator turns round. */
  private afterLiteral(literal: Literal): BoolExpr {
    const operator = this.acceptOperator();
    if (operator === undefined) throw unexpected(this.peek(), 'a comparison operator after the value');
    const right = this.next();
    if (right.kind === 'string' || right.kind === 'number' || isBoolWord(right)) {
      throw new FilterExpressionError(
        'cannot compare two values',
        literal.position,
        'one side must be a field',
      );
    }
    return comparison(this.field(right, 'a field'), SWAPPED_OPERATOR[operator], literal);
  }

  private list(): Literal[] {
    const open = this.next();
    if (!isSymbol(open, '[')) throw unexpected(open, '"[" starting a list of values');
    if (isSymbol(this.peek(), ']')) {
      throw new FilterExpressionError('empty list', open.position, 'give at least one value');
    }
    const literals: Literal[] = [];
    for (;;) {
      const literal = this.literal(this.next(), 'a value');
      if (literals.length === FIELD_LIMITS.maxMatchValues) {
        throw new FilterExpressionError(
          `the list has more than ${FIELD_LIMITS.maxMatchValues} values`,
          literal.position,
        );
      }
      literals.push(literal);
      const separator = this.next();
      if (isSymbol(separator, ']')) return literals;
      if (!isSymbol(separator, ',')) throw unexpected(separator, '"," or "]"');
      if (this.acceptSymbol(']')) return literals;
    }
  }

  private field(token: Token, expected: string): FieldRef {
    if (!isFieldName(token)) throw unexpected(token, expected);
    if (token.text.toLowerCase() === ROW_ID)
      return { kind: 'id', name: token.text, position: token.position };
    const spec = this.fields.get(token.text);
    if (spec === undefined) {
      const known = this.schema.map((candidate) => candidate.name).join(', ');
      throw new FilterExpressionError(
        `unknown field "${token.text}"`,
        token.position,
        known === '' ? 'the collection has no fields' : `the fields are ${known}`,
      );
    }
    if (spec.type === 'json') {
      throw new FilterExpressionError(
        `field "${spec.name}" is JSON`,
        token.position,
        'JSON fields are stored and returned, never filtered',
      );
    }
    return { kind: 'field', spec, position: token.position };
  }

  private literal(token: Token, expected: string): Literal {
    if (token.kind === 'string' || token.kind === 'number') {
      return { kind: token.kind, text: token.text, position: token.position };
    }
    if (isBoolWord(token)) return { kind: 'bool', text: token.text.toLowerCase(), position: token.position };
    throw unexpected(token, expected);
  }

  /** Runs `parse` one nesting level deeper, refusing to go past MAX_NESTING. */
  private deeper(opening: Token, parse: () => BoolExpr): BoolExpr {
    if (this.nesting === MAX_NESTING) {
      throw new FilterExpressionError(`nested more than ${MAX_NESTING} levels deep`, opening.position);
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private acceptWord(word: string): boolean {
    if (!isWord(this.peek(), word)) return false;
    this.index++;
    return true;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!isSymbol(this.peek(), symbol)) return false;
    this.index++;
    return true;
  }

  private acceptOperator(): ComparisonOperator | undefined {
    const token = this.peek();
    if (token.kind !== 'symbol' || !OPERATORS.has(token.text)) return undefined;
    this.index++;
    return token.text as ComparisonOperator;
  }

  private expectSymbol(symbol: string, expected: string): void {
    const token = this.next();
    if (!isSymbol(token, symbol)) throw unexpected(token, expected);
  }
}

/** Appends expr to items, spreading it when it is the same operator (a or (b or c) = a or b or c). */
function flattenInto(items: BoolExpr[], expr: BoolExpr, kind: 'and' | 'or'): BoolExpr[] {
  if (expr.kind === kind) items.push(...expr.items);
  else items.push(expr);
  return items;
}

function isWord(token: Token, word: string): boolean {
  return token.kind === 'name' && token.text.toLowerCase() === word;
}

function isBoolWord(token: Token): boolean {
  return isWord(token, 'true') || isWord(token, 'false');
}

function isSymbol(token: Token, symbol: string): boolean {
  return token.kind === 'symbol' && token.text === symbol;
}

function isFieldName(token: Token): boolean {
  return token.kind === 'name' && !WORDS.has(token.text.toLowerCase());
}

function unexpected(token: Token, expected: string): FilterExpressionError {
  const found =
    token.kind === 'end'
      ? 'end of the expression'
      : token.kind === 'string'
        ? `string ${JSON.stringify(token.text)}`
        : JSON.stringify(token.text);
  return new FilterExpressionError(`unexpected ${found}`, token.position, `expected ${expected}`);
}
