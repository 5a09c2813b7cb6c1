/**
 * A parsed expression → the Filter message the shards evaluate, with as few
 * nested filters as the meaning allows, and FIELD_LIMITS' condition count and
 * depth enforced (reported at the part of the expression that crosses them).
 *
 * A Filter is "all of must, at least one of should (when given), none of
 * must_not", so:
 *   a and b and c     → must [a, b, c]
 *   a or b            → should [a, b]
 *   not a             → must_not [a]
 *   not (a or b)      → must_not [a, b]
 *   a and (b or c)    → must [a], should [b, c]   (a second or nests in must)
 *   a or (b and c)    → should [a, nested {must [b, c]}]
 */
import { FIELD_LIMITS } from '../fields/field-schema.js';
import type { Condition__Output, Filter__Output } from '../types.js';
import type { BoolExpr } from './expression-conditions.js';
import { FilterExpressionError } from './filter-expression-error.js';

export function expressionToFilter(expr: BoolExpr): Filter__Output {
  return new FilterBuilder().filterOf(expr, 1);
}

class FilterBuilder {
  private conditions = 0;

  /** The filter (at nesting level `depth`) that expr means. */
  filterOf(expr: BoolExpr, depth: number): Filter__Output {
    const filter: Filter__Output = { must: [], should: [], mustNot: [] };
    this.addConjunct(filter, expr, depth);
    return filter;
  }

  /** Adds `expr` to what every matching row of `filter` must satisfy. */
  private addConjunct(filter: Filter__Output, expr: BoolExpr, depth: number): void {
    switch (expr.kind) {
      case 'and':
        for (const item of expr.items) this.addConjunct(filter, item, depth);
        return;
      case 'condition':
        filter.must.push(this.leaf(expr));
        return;
      case 'not':
        this.addNegated(filter, expr.item, depth);
        return;
      case 'or':
        // A filter has one should list: the first or-clause takes it, others nest.
        if (filter.should.length === 0)
          filter.should = expr.items.map((item) => this.conditionOf(item, depth));
        else filter.must.push(this.nested(expr, depth));
        return;
    }
  }

  /** Adds `not expr` to `filter`. */
  private addNegated(filter: Filter__Output, expr: BoolExpr, depth: number): void {
    switch (expr.kind) {
      case 'condition':
        filter.mustNot.push(this.leaf(expr));
        return;
      case 'not':
        this.addConjunct(filter, expr.item, depth);
        return;
      case 'or':
        // not (a or b) = not a and not b: must_not lists "none of them".
        for (const item of expr.items) this.addNegated(filter, item, depth);
        return;
      case 'and':
        filter.mustNot.push(this.nested(expr, depth));
        return;
    }
  }

  /** expr as one condition of a filter at level `depth`: itself, or a nested filter. */
  private conditionOf(expr: BoolExpr, depth: number): Condition__Output {
    return expr.kind === 'condition' ? this.leaf(expr) : this.nested(expr, depth);
  }

  private leaf(expr: BoolExpr & { kind: 'condition' }): Condition__Output {
    this.count(expr.position);
    return expr.condition;
  }

  private nested(expr: BoolExpr, depth: number): Condition__Output {
    this.count(expr.position);
    if (depth + 1 > FIELD_LIMITS.maxFilterDepth) {
      throw new FilterExpressionError(
        `the filter nests more than ${FIELD_LIMITS.maxFilterDepth} levels deep`,
        expr.position,
        'every and, or or not that cannot merge into the enclosing one adds a level',
      );
    }
    return { nested: this.filterOf(expr, depth + 1), condition: 'nested' };
  }

  private count(position: number): void {
    this.conditions += 1;
    if (this.conditions > FIELD_LIMITS.maxFilterConditions) {
      throw new FilterExpressionError(
        `the filter has more than ${FIELD_LIMITS.maxFilterConditions} conditions`,
        position,
        'conditions are counted over every nesting level',
      );
    }
  }
}
