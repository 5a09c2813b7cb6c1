import { type Condition__Output, type FieldSpec, type Filter__Output, RpcError } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { isEmptyFilter, partitionValueOf, resolveFilter } from '../src/filters/filter-request.js';

const SCHEMA: FieldSpec[] = [
  { name: 'tenant', type: 'keyword' },
  { name: 'price', type: 'int64' },
];

const filter = (parts: Partial<Filter__Output>): Filter__Output => ({
  must: [],
  should: [],
  mustNot: [],
  ...parts,
});
const tenant = (...keywords: string[]): Condition__Output => ({
  match: { field: 'tenant', keywords, int64s: [], bools: [] },
  condition: 'match',
});
const cheap: Condition__Output = { range: { field: 'price', lt: 10, _lt: 'lt' }, condition: 'range' };

function refusal(request: Parameters<typeof resolveFilter>[0]): string {
  try {
    resolveFilter(request, SCHEMA);
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(3);
    return (error as Error).message;
  }
  throw new Error('request accepted');
}

describe('resolveFilter', () => {
  it('gives undefined when the request has no filter, or one without conditions', () => {
    expect(resolveFilter({}, SCHEMA)).toBeUndefined();
    expect(resolveFilter({ filter: null, filterExpression: '' }, SCHEMA)).toBeUndefined();
    expect(resolveFilter({ filter: filter({}) }, SCHEMA)).toBeUndefined();
  });

  it('gives a message filter back once checked', () => {
    const given = filter({ must: [tenant('a')], mustNot: [cheap] });
    expect(resolveFilter({ filter: given, filterExpression: '' }, SCHEMA)).toBe(given);
    expect(refusal({ filter: filter({ must: [{ ...cheap, range: { field: 'tenant', lt: 1 } }] }) })).toBe(
      'filter.must[0].range: field "tenant" is KEYWORD; ranges apply to INT64 and DOUBLE fields',
    );
  });

  it('parses an expression, also beside an empty filter message', () => {
    const expected = filter({ must: [tenant('a'), cheap] });
    expect(resolveFilter({ filterExpression: "tenant == 'a' and price < 10" }, SCHEMA)).toEqual(expected);
    expect(
      resolveFilter({ filter: filter({}), filterExpression: "tenant == 'a' and price < 10" }, SCHEMA),
    ).toEqual(expected);
  });

  it('turns expression errors into INVALID_ARGUMENT with their position', () => {
    expect(refusal({ filterExpression: 'price < 10)' })).toBe(
      'unexpected ")" at position 10 of the filter expression: expected and, or, or the end of the expression',
    );
    expect(refusal({ filterExpression: ' ' })).toBe(
      'unexpected end of the expression at position 1 of the filter expression: expected a condition',
    );
  });

  it('refuses a filter and an expression together', () => {
    expect(refusal({ filter: filter({ must: [cheap] }), filterExpression: 'price < 10' })).toBe(
      'set filter or filter_expression, not both',
    );
  });
});

describe('isEmptyFilter', () => {
  it('is true without conditions at the top level only', () => {
    expect(isEmptyFilter(undefined)).toBe(true);
    expect(isEmptyFilter(null)).toBe(true);
    expect(isEmptyFilter(filter({}))).toBe(true);
    expect(isEmptyFilter(filter({ should: [cheap] }))).toBe(false);
    expect(isEmptyFilter(filter({ mustNot: [{ nested: filter({}), condition: 'nested' }] }))).toBe(false);
  });
});

describe('partitionValueOf', () => {
  it('finds the single key value every matching row must have', () => {
    expect(partitionValueOf(filter({ must: [cheap, tenant('acme')] }), 'tenant')).toBe('acme');
    expect(
      partitionValueOf(
        filter({ must: [{ nested: filter({ must: [tenant('acme')] }), condition: 'nested' }] }),
        'tenant',
      ),
    ).toBe('acme');
    expect(partitionValueOf(filter({ must: [tenant('a', 'b'), tenant('b')] }), 'tenant')).toBe('b');
  });

  it('gives undefined when the filter does not fix one value', () => {
    expect(partitionValueOf(undefined, 'tenant')).toBeUndefined();
    expect(partitionValueOf(filter({ must: [tenant('acme')] }), '')).toBeUndefined();
    expect(partitionValueOf(filter({ must: [tenant('a', 'b')] }), 'tenant')).toBeUndefined();
    expect(partitionValueOf(filter({ should: [tenant('a')] }), 'tenant')).toBeUndefined();
    expect(partitionValueOf(filter({ mustNot: [tenant('a')] }), 'tenant')).toBeUndefined();
    expect(
      partitionValueOf(
        filter({ should: [{ nested: filter({ must: [tenant('a')] }), condition: 'nested' }, cheap] }),
        'tenant',
      ),
    ).toBeUndefined();
    expect(partitionValueOf(filter({ must: [tenant('a')] }), 'price')).toBeUndefined();
  });

  it('reads the value an expression fixes', () => {
    const resolved = resolveFilter({ filterExpression: "price < 10 and (tenant == 'acme')" }, SCHEMA);
    expect(partitionValueOf(resolved, 'tenant')).toBe('acme');
    const either = resolveFilter({ filterExpression: "tenant == 'a' or tenant == 'b'" }, SCHEMA);
    expect(partitionValueOf(either, 'tenant')).toBeUndefined();
  });
});
