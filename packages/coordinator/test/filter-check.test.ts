import { type Condition__Output, type FieldSpec, type Filter__Output, RpcError } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '../src/filters/filter-check.js';

const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'price', type: 'int64' },
  { name: 'score', type: 'double' },
  { name: 'in_stock', type: 'bool' },
  { name: 'tags', type: 'keywords' },
  { name: 'meta', type: 'json' },
];

const filter = (parts: Partial<Filter__Output>): Filter__Output => ({
  must: [],
  should: [],
  mustNot: [],
  ...parts,
});
const match = (
  field: string,
  lists: { keywords?: string[]; int64s?: string[]; bools?: boolean[] },
): Condition__Output => ({
  match: { field, keywords: [], int64s: [], bools: [], ...lists },
  condition: 'match',
});
const range = (
  field: string,
  bounds: { gt?: number; gte?: number; lt?: number; lte?: number },
): Condition__Output => ({
  range: { field, ...bounds },
  condition: 'range',
});
const nested = (parts: Partial<Filter__Output>): Condition__Output => ({
  nested: filter(parts),
  condition: 'nested',
});
const isMissing = (field: string): Condition__Output => ({ isMissing: field, condition: 'isMissing' });
const hasId = (bytes: number): Condition__Output => ({ hasId: Buffer.alloc(bytes), condition: 'hasId' });

function refusal(checked: Filter__Output, schema = SCHEMA): string {
  try {
    checkFilter(checked, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(3);
    return (error as Error).message;
  }
  throw new Error('filter accepted');
}

describe('checkFilter', () => {
  it('accepts every condition that fits its field', () => {
    expect(() =>
      checkFilter(
        filter({
          must: [
            match('color', { keywords: ['red'] }),
            match('tags', { keywords: ['a', 'b'] }),
            match('price', { int64s: ['-9223372036854775808', '9223372036854775807'] }),
            match('in_stock', { bools: [false] }),
            range('price', { gt: 1 }),
            range('score', { lte: Number.POSITIVE_INFINITY }),
            range('score', { gte: 0 }),
          ],
          should: [hasId(16), isMissing('tags'), nested({})],
          mustNot: [nested({ must: [isMissing('color')] })],
        }),
        SCHEMA,
      ),
    ).not.toThrow();
    expect(() => checkFilter(filter({}), [])).not.toThrow();
  });

  it('refuses unknown fields, the row id and JSON fields, wherever the condition is', () => {
    expect(refusal(filter({ must: [match('colour', { keywords: ['x'] })] }))).toBe(
      'filter.must[0].match: unknown field "colour" (fields: color, price, score, in_stock, tags, meta)',
    );
    expect(refusal(filter({ should: [nested({ mustNot: [isMissing('x')] })] }), [])).toBe(
      'filter.should[0].nested.must_not[0].is_missing: unknown field "x" (the collection has no fields)',
    );
    expect(refusal(filter({ must: [range('id', { gt: 1 })] }))).toBe(
      'filter.must[0].range: "id" is the row id; a range takes a field (use has_id for ids)',
    );
    expect(refusal(filter({ mustNot: [isMissing('meta')] }))).toBe(
      'filter.must_not[0].is_missing: field "meta" is JSON; JSON fields are stored and returned, never filtered',
    );
    expect(refusal(filter({ must: [match('meta', { keywords: ['{}'] })] }))).toBe(
      'filter.must[0].match: field "meta" is JSON; JSON fields are stored and returned, never filtered',
    );
    expect(refusal(filter({ must: [isMissing('')] }))).toBe(
      'filter.must[0].is_missing: the is_missing names no field',
    );
  });

  it('refuses a match whose values do not fit the field type', () => {
    expect(refusal(filter({ must: [match('price', { keywords: ['5'] })] }))).toBe(
      'filter.must[0].match: the match gives keywords; field "price" is INT64 and takes int64s',
    );
    expect(refusal(filter({ must: [match('color', { keywords: ['a'], int64s: ['1'] })] }))).toBe(
      'filter.must[0].match: the match gives keywords and int64s; field "color" is KEYWORD and takes keywords',
    );
    expect(refusal(filter({ must: [match('in_stock', { int64s: ['1'] })] }))).toBe(
      'filter.must[0].match: the match gives int64s; field "in_stock" is BOOL and takes bools',
    );
    expect(refusal(filter({ must: [match('tags', {})] }))).toBe(
      'filter.must[0].match: the match has no values; field "tags" is KEYWORDS and takes keywords',
    );
    expect(refusal(filter({ must: [match('price', { int64s: ['9223372036854775808'] })] }))).toBe(
      'filter.must[0].match: the match on "price" holds "9223372036854775808", not an int64',
    );
  });

  it('refuses a match on a DOUBLE field', () => {
    expect(refusal(filter({ must: [match('score', { int64s: ['1'] })] }))).toBe(
      'filter.must[0].match: field "score" is DOUBLE; match applies to KEYWORD, KEYWORDS, INT64 and BOOL fields ' +
        '(use a range with gte = lte for equality)',
    );
  });

  it('refuses a match with more values than the limit', () => {
    const keywords = Array.from({ length: 10_001 }, (_, i) => `k${i}`);
    expect(refusal(filter({ must: [match('color', { keywords })] }))).toBe(
      'filter.must[0].match: the match on "color" has 10001 values; at most 10000',
    );
  });

  it('refuses a range on anything but INT64 and DOUBLE, without a bound, or with NaN', () => {
    expect(refusal(filter({ must: [range('color', { gt: 1 })] }))).toBe(
      'filter.must[0].range: field "color" is KEYWORD; ranges apply to INT64 and DOUBLE fields',
    );
    expect(refusal(filter({ must: [range('in_stock', { gt: 0 })] }))).toBe(
      'filter.must[0].range: field "in_stock" is BOOL; ranges apply to INT64 and DOUBLE fields',
    );
    expect(refusal(filter({ must: [range('price', {})] }))).toBe(
      'filter.must[0].range: the range on "price" has no bound; set gt, gte, lt or lte',
    );
    expect(refusal(filter({ must: [range('score', { gt: 0, lt: Number.NaN })] }))).toBe(
      'filter.must[0].range: the range on "score" has lt = NaN; bounds must be numbers',
    );
  });

  it('refuses a condition with no member set', () => {
    expect(refusal(filter({ should: [range('price', { gt: 0 }), {} as Condition__Output] }))).toBe(
      'filter.should[1]: the condition sets nothing; set one of match, range, nested, has_id, is_missing',
    );
    expect(refusal(filter({ must: [{ condition: 'match', match: null }] }))).toBe(
      'filter.must[0]: the condition sets nothing; set one of match, range, nested, has_id, is_missing',
    );
  });

  it('takes a condition built in code without the oneof discriminator', () => {
    expect(refusal(filter({ must: [{ range: { field: 'color', gt: 1 } }] }))).toBe(
      'filter.must[0].range: field "color" is KEYWORD; ranges apply to INT64 and DOUBLE fields',
    );
  });

  it('refuses has_id bytes that are not whole int64s, or none', () => {
    expect(refusal(filter({ must: [hasId(12)] }))).toBe(
      'filter.must[0].has_id: holds 12 bytes, not a multiple of 8 (ids are int64 LE)',
    );
    expect(refusal(filter({ must: [hasId(0)] }))).toBe(
      'filter.must[0].has_id: holds no ids; give at least one (int64 LE)',
    );
  });

  it('refuses more conditions than the limit, counted over every level', () => {
    const leaf = isMissing('color');
    expect(() => checkFilter(filter({ must: Array(1024).fill(leaf) }), SCHEMA)).not.toThrow();
    expect(refusal(filter({ must: Array(1023).fill(leaf), should: [nested({ must: [leaf] })] }))).toBe(
      'filter.should[0].nested.must[0]: the filter has more than 1024 conditions (counted over every nesting level)',
    );
  });

  it('refuses nesting deeper than the limit', () => {
    const nestedLevels = (levels: number): Filter__Output =>
      levels === 1
        ? filter({ must: [isMissing('color')] })
        : filter({ mustNot: [{ nested: nestedLevels(levels - 1), condition: 'nested' }] });
    expect(() => checkFilter(nestedLevels(16), SCHEMA)).not.toThrow();
    expect(refusal(nestedLevels(17))).toBe(
      `filter${'.must_not[0].nested'.repeat(16)}: the filter nests more than 16 levels deep (a filter without nested ones has 1)`,
    );
  });
});
