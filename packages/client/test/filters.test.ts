import { VecshardService } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { filterRequest, toWireFilter, where } from '../src/documents/filters.js';
import type { VecshardError } from '../src/errors.js';
import type { Filter } from '../src/types.js';

const search = VecshardService.service.Search;

/** The filter as the coordinator decodes it, through the real SearchRequest encoding. */
function received(filter: Filter | string) {
  const request = { collection: 'c', k: 1, ...filterRequest(filter, 'Search') };
  const decoded = search.requestDeserialize(search.requestSerialize(request));
  return { filter: decoded.filter, filterExpression: decoded.filterExpression };
}

const NO_MATCH_LISTS = { keywords: [], int64s: [], bools: [] };
const NO_CONDITIONS = { must: [], should: [], mustNot: [] };

describe('filters on the wire', () => {
  it('sends an expression as filter_expression and no filter', () => {
    expect(received("color == 'red' and price < 100")).toEqual({
      filter: null,
      filterExpression: "color == 'red' and price < 100",
    });
    expect(filterRequest('', 'Search')).toEqual({});
    expect(filterRequest(undefined, 'Search')).toEqual({});
  });

  it('sends every kind of condition as its oneof member, with camelCase keys', () => {
    const filter: Filter = {
      must: [
        { match: { field: 'color', keywords: ['red', 'blue'] } },
        { match: { field: 'year', int64s: [2024, 2n ** 62n] } },
        { match: { field: 'sold', bools: [false] } },
        { range: { field: 'price', gte: 10, lt: 99.5 } },
      ],
      should: [{ hasId: [1n, 2] }, { hasId: BigInt64Array.of(-1n) }],
      mustNot: [{ isMissing: 'brand' }, { nested: { should: [{ range: { field: 'w', gt: 0 } }] } }],
    };
    expect(received(filter)).toEqual({
      filterExpression: '',
      filter: {
        must: [
          { condition: 'match', match: { ...NO_MATCH_LISTS, field: 'color', keywords: ['red', 'blue'] } },
          {
            condition: 'match',
            match: { ...NO_MATCH_LISTS, field: 'year', int64s: ['2024', '4611686018427387904'] },
          },
          { condition: 'match', match: { ...NO_MATCH_LISTS, field: 'sold', bools: [false] } },
          { condition: 'range', range: { field: 'price', gte: 10, _gte: 'gte', lt: 99.5, _lt: 'lt' } },
        ],
        should: [
          { condition: 'hasId', hasId: Buffer.from(BigInt64Array.of(1n, 2n).buffer) },
          { condition: 'hasId', hasId: Buffer.from(BigInt64Array.of(-1n).buffer) },
        ],
        mustNot: [
          { condition: 'isMissing', isMissing: 'brand' },
          {
            condition: 'nested',
            nested: {
              ...NO_CONDITIONS,
              should: [{ condition: 'range', range: { field: 'w', gt: 0, _gt: 'gt' } }],
            },
          },
        ],
      },
    });
  });

  it('sends a range bound of 0 (a set optional field), and no unset bound', () => {
    expect(toWireFilter({ must: [{ range: { field: 'x', lte: 0 } }] })).toEqual({
      must: [{ range: { field: 'x', lte: 0 } }],
    });
    expect(received({ must: [{ range: { field: 'x', lte: 0 } }] }).filter?.must[0].range).toEqual({
      field: 'x',
      lte: 0,
      _lte: 'lte',
    });
  });

  it('refuses malformed filters, naming where', () => {
    const refusal = (filter: unknown) => {
      try {
        toWireFilter(filter as Filter, 'Search');
      } catch (error) {
        expect((error as VecshardError).codeName).toBe('INVALID_ARGUMENT');
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal({ must_not: [] })).toBe(
      'Search: filter: unknown key "must_not" (a filter has must, should and mustNot; use mustNot)',
    );
    expect(refusal({ must: { isMissing: 'a' } })).toBe(
      'Search: filter.must: expected an array of conditions, got an object',
    );
    expect(refusal({ must: [{ isMissing: 'a', hasId: [1n] }] })).toBe(
      'Search: filter.must[0]: a condition has exactly one of match, range, nested, hasId, isMissing, ' +
        'got isMissing and hasId',
    );
    expect(refusal({ should: [{}] })).toBe(
      'Search: filter.should[0]: an empty condition (give one of match, range, nested, hasId, isMissing)',
    );
    expect(refusal({ must: [{ equals: 1 }] })).toBe(
      'Search: filter.must[0]: unknown condition "equals" (one of match, range, nested, hasId, isMissing)',
    );
    expect(refusal({ must: [{ match: { field: 'a', keywords: ['x'], bools: [true] } }] })).toBe(
      'Search: filter.must[0].match: give exactly one of keywords, int64s, bools (got keywords, bools)',
    );
    expect(refusal({ must: [{ match: { field: 'a', int64s: [1.5] } }] })).toBe(
      'Search: filter.must[0].match.int64s[0]: expected a safe integer number or an int64 bigint, got number 1.5',
    );
    expect(refusal({ must: [{ match: { field: 'a', keywords: ['x', 2] } }] })).toBe(
      'Search: filter.must[0].match.keywords[1]: expected a string, got number 2',
    );
    expect(refusal({ must: [{ range: { field: 'p' } }] })).toBe(
      'Search: filter.must[0].range: give at least one of gt, gte, lt, lte',
    );
    expect(refusal({ must: [{ range: { field: 'p', gt: '3' } }] })).toBe(
      'Search: filter.must[0].range.gt: expected a number, got "3"',
    );
    expect(refusal({ must: [{ range: { field: 'p', greater: 3 } }] })).toBe(
      'Search: filter.must[0].range: unknown key "greater" (a range has field, gt, gte, lt, lte)',
    );
    expect(refusal({ must: [{ nested: { should: [{ isMissing: '' }] } }] })).toBe(
      'Search: filter.must[0].nested.should[0].isMissing: expected a field name, got ""',
    );
    expect(refusal({ must: [{ hasId: [1.5] }] })).toBe(
      'Search: filter.must[0].hasId[0]: expected a safe integer number or an int64 bigint, got number 1.5',
    );
    const cyclic: Filter = { must: [] };
    cyclic.must!.push({ nested: cyclic });
    expect(refusal(cyclic)).toMatch(/nested more than 64 levels deep \(a cycle\?\)$/);
  });

  it('sends no filter for one without conditions, after checking it', () => {
    for (const none of [undefined, '', '  ', {}, { must: [], mustNot: [] }])
      expect(filterRequest(none, 'Search')).toEqual({});
    expect(filterRequest({ should: [{ isMissing: 'a' }] }, 'Search')).toEqual({
      filter: { should: [{ isMissing: 'a' }] },
    });
    expect(filterRequest(' a == 1', 'Search')).toEqual({ filterExpression: ' a == 1' });
    // Not taken for "no filter": a misspelt key would silently match every row.
    expect(() => filterRequest({ must_not: [{ isMissing: 'a' }] } as Filter, 'Search')).toThrow(
      'Search: filter: unknown key "must_not"',
    );
  });
});

describe('where', () => {
  it('builds conditions by the kind of their values', () => {
    expect(where.match('color', 'red', 'blue')).toEqual({
      match: { field: 'color', keywords: ['red', 'blue'] },
    });
    expect(where.match('year', 2024, 2025n)).toEqual({ match: { field: 'year', int64s: [2024, 2025n] } });
    expect(where.match('sold', true)).toEqual({ match: { field: 'sold', bools: [true] } });
    expect(where.range('price', { gte: 1, lt: 2 })).toEqual({ range: { field: 'price', gte: 1, lt: 2 } });
    expect(where.hasId(1n, 2)).toEqual({ hasId: [1n, 2] });
    expect(where.isMissing('brand')).toEqual({ isMissing: 'brand' });
    expect(where.nested({ should: [where.isMissing('a')] })).toEqual({
      nested: { should: [{ isMissing: 'a' }] },
    });
  });

  it('refuses values of mixed kinds', () => {
    expect(() => where.match('x', ...(['a', 1] as unknown as [string]))).toThrow(
      'where.match("x"): give one or more values of one kind (strings, integers or booleans)',
    );
  });

  it('builds filters that go on the wire unchanged', () => {
    const filter: Filter = {
      must: [where.match('color', 'red'), where.range('price', { lt: 100 })],
      mustNot: [where.isMissing('brand')],
    };
    expect(toWireFilter(filter)).toEqual({
      must: [{ match: { field: 'color', keywords: ['red'] } }, { range: { field: 'price', lt: 100 } }],
      mustNot: [{ isMissing: 'brand' }],
    });
  });
});
