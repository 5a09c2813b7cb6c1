/**
 * The filter a Search, Delete, Query or Count asks for, whichever way it was
 * given (a Filter message or filter_expression), checked against the schema;
 * and the partition-key value it fixes, which lets routing ask fewer shards.
 */
import {
  type FieldSpec,
  type Filter__Output,
  FilterExpressionError,
  invalidArgument,
  parseFilterExpression,
  toInvalidArgument,
} from '@vecshard/proto';
import { checkFilter } from './filter-check.js';

/** The filter fields every filtered request has. */
export interface FilterRequest {
  filter?: Filter__Output | null;
  filterExpression?: string;
}

/**
 * The request's checked filter; undefined when it has none. A Filter message
 * without conditions counts as none (SDKs may send an empty one), so only a
 * filter with conditions and an expression together are refused.
 */
export function resolveFilter(
  request: FilterRequest,
  schema: readonly FieldSpec[],
): Filter__Output | undefined {
  const expression = request.filterExpression ?? '';
  const filter = isEmptyFilter(request.filter) ? undefined : request.filter!;
  if (filter !== undefined && expression !== '') {
    throw invalidArgument('set filter or filter_expression, not both');
  }
  if (expression !== '') return parseExpression(expression, schema);
  if (filter !== undefined) checkFilter(filter, schema);
  return filter;
}

/** Whether a filter is absent or has no conditions (so matches every row). */
export function isEmptyFilter(filter: Filter__Output | null | undefined): boolean {
  return (
    filter === undefined ||
    filter === null ||
    ((filter.must?.length ?? 0) === 0 &&
      (filter.should?.length ?? 0) === 0 &&
      (filter.mustNot?.length ?? 0) === 0)
  );
}

/** The partition-key value a filter fixes (shared with clients that route one hop). */
export { partitionValueOf } from '@vecshard/proto';

function parseExpression(expression: string, schema: readonly FieldSpec[]): Filter__Output {
  try {
    return parseFilterExpression(expression, schema);
  } catch (error) {
    if (error instanceof FilterExpressionError) throw toInvalidArgument(error);
    throw error;
  }
}
