import {
  type Condition__Output,
  type FieldSpec,
  type Filter__Output,
  FilterExpressionError,
  parseFilterExpression,
  toInvalidArgument,
} from '@vecshard/proto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '../src/filters/filter-check.js';

const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'price', type: 'int64' },
  { name: 'score', type: 'double' },
  { name: 'in_stock', type: 'bool' },
  { name: 'tags', type: 'keywords' },
  { name: 'meta', type: 'json' },
  { name: 'year', type: 'int64' },
  { name: '2nd-price', type: 'int64' },
  { name: 'a.b', type: 'keyword' },
];
const FIELD_LIST = 'color, price, score, in_stock, tags, meta, year, 2nd-price, a.b';

// ---- expected conditions, shaped as the loader decodes them ------------------

const filter = (parts: Partial<Filter__Output>): Filter__Output => ({
  must: [],
  should: [],
  mustNot: [],
  ...parts,
});
const keywords = (field: string, ...values: string[]): Condition__Output => ({
  match: { field, keywords: values, int64s: [], bools: [] },
  condition: 'match',
});
const int64s = (field: string, ...values: string[]): Condition__Output => ({
  match: { field, keywords: [], int64s: values, bools: [] },
  condition: 'match',
});
const bools = (field: string, ...values: boolean[]): Condition__Output => ({
  match: { field, keywords: [], int64s: [], bools: values },
  condition: 'match',
});
const range = (
  field: string,
  bounds: { gt?: number; gte?: number; lt?: number; lte?: number },
): Condition__Output => {
  const withNames: Record<string, unknown> = { field };
  for (const [bound, value] of Object.entries(bounds)) {
    withNames[bound] = value;
    withNames[`_${bound}`] = bound;
  }
  return { range: withNames as unknown as Condition__Output['range'], condition: 'range' };
};
const nested = (parts: Partial<Filter__Output>): Condition__Output => ({
  nested: filter(parts),
  condition: 'nested',
});
const hasIds = (...ids: bigint[]): Condition__Output => ({
  hasId: Buffer.from(BigInt64Array.from(ids).buffer),
  condition: 'hasId',
});
const missing = (field: string): Condition__Output => ({ isMissing: field, condition: 'isMissing' });

const parse = (text: string) => parseFilterExpression(text, SCHEMA);

function parseError(text: string): FilterExpressionError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterExpressionError);
    return error as FilterExpressionError;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseFilterExpression: meaning', () => {
  const cases: [string, Filter__Output][] = [
    [
      "color == 'red' and price < 100",
      filter({ must: [keywords('color', 'red'), range('price', { lt: 100 })] }),
    ],
    ['tags in [\'a\', "b"]', filter({ must: [keywords('tags', 'a', 'b')] })],
    ["color not in ['x', 'y',]", filter({ mustNot: [keywords('color', 'x', 'y')] })],
    ["color != 'red'", filter({ mustNot: [keywords('color', 'red')] })],
    [
      'not (year >= 2001 and year <= 2005)',
      filter({ mustNot: [nested({ must: [range('year', { gte: 2001 }), range('year', { lte: 2005 })] })] }),
    ],
    ['in_stock', filter({ must: [bools('in_stock', true)] })],
    ['not in_stock', filter({ mustNot: [bools('in_stock', true)] })],
    ['in_stock == false', filter({ must: [bools('in_stock', false)] })],
    ['in_stock != FALSE', filter({ mustNot: [bools('in_stock', false)] })],
    ['in_stock in [true, false]', filter({ must: [bools('in_stock', true, false)] })],
    ['id in [1, 2]', filter({ must: [hasIds(1n, 2n)] })],
    ['id == 3', filter({ must: [hasIds(3n)] })],
    ['ID not in [9223372036854775807]', filter({ mustNot: [hasIds(2n ** 63n - 1n)] })],
    ['is_missing(color)', filter({ must: [missing('color')] })],
    ['not is_missing(tags)', filter({ mustNot: [missing('tags')] })],
    ['price == 5', filter({ must: [int64s('price', '5')] })],
    ['price in [-1, 9223372036854775807]', filter({ must: [int64s('price', '-1', '9223372036854775807')] })],
    ['price > -5.5', filter({ must: [range('price', { gt: -5.5 })] })],
    ['price < 9007199254740993', filter({ must: [range('price', { lt: 9007199254740992 })] })],
    ['score == 1.5', filter({ must: [range('score', { gte: 1.5, lte: 1.5 })] })],
    ['score != -2', filter({ mustNot: [range('score', { gte: -2, lte: -2 })] })],
    ['score >= -1.25e2', filter({ must: [range('score', { gte: -125 })] })],
    [
      'score in [1, 2.5]',
      filter({ should: [range('score', { gte: 1, lte: 1 }), range('score', { gte: 2.5, lte: 2.5 })] }),
    ],
    ['score in [7]', filter({ must: [range('score', { gte: 7, lte: 7 })] })],
    [
      'score not in [1, 2]',
      filter({ mustNot: [range('score', { gte: 1, lte: 1 }), range('score', { gte: 2, lte: 2 })] }),
    ],
    ['100 > price', filter({ must: [range('price', { lt: 100 })] })],
    ['0 <= score', filter({ must: [range('score', { gte: 0 })] })],
    ["'red' == color", filter({ must: [keywords('color', 'red')] })],
    ["'red' != color", filter({ mustNot: [keywords('color', 'red')] })],
    ['2nd-price >= 3', filter({ must: [range('2nd-price', { gte: 3 })] })],
    ["a.b == 'x'", filter({ must: [keywords('a.b', 'x')] })],
    ["color == 'it\\'s'", filter({ must: [keywords('color', "it's")] })],
    ['color == "a\\"b\\\\c\\n\\t\\u00e9"', filter({ must: [keywords('color', 'a"b\\c\n\té')] })],
    ['color == \'say "hi"\'', filter({ must: [keywords('color', 'say "hi"')] })],
    ["color == ''", filter({ must: [keywords('color', '')] })],
  ];
  it.each(cases)('%s', (text, expected) => {
    const parsed = parse(text);
    expect(parsed).toEqual(expected);
    checkFilter(parsed, SCHEMA);
  });
});

describe('parseFilterExpression: and, or, not', () => {
  const [a, b, c, d] = [
    keywords('color', 'a'),
    bools('in_stock', true),
    range('price', { gt: 1 }),
    int64s('year', '2'),
  ];
  const [A, B, C, D] = ["color == 'a'", 'in_stock', 'price > 1', 'year == 2'];
  const cases: [string, Filter__Output][] = [
    [`${A} or ${B}`, filter({ should: [a, b] })],
    [`${A} || ${B} OR ${C}`, filter({ should: [a, b, c] })],
    [`${A} && ${B} AND ${C} and ${D}`, filter({ must: [a, b, c, d] })],
    [`${A} and (${B} or ${C})`, filter({ must: [a], should: [b, c] })],
    [`(${A} or ${B}) and (${C} or ${D})`, filter({ should: [a, b], must: [nested({ should: [c, d] })] })],
    [`${A} or (${B} and ${C})`, filter({ should: [a, nested({ must: [b, c] })] })],
    [`${A} or ${B} and ${C}`, filter({ should: [a, nested({ must: [b, c] })] })],
    [`${A} and ${B} or ${C}`, filter({ should: [nested({ must: [a, b] }), c] })],
    [`not (${A} or ${B})`, filter({ mustNot: [a, b] })],
    [`!(${A} || !${B})`, filter({ must: [b], mustNot: [a] })],
    [`not not ${A}`, filter({ must: [a] })],
    [`NOT NOT NOT ${A}`, filter({ mustNot: [a] })],
    [`${A} or not ${B}`, filter({ should: [a, nested({ mustNot: [b] })] })],
    [`((${A}))`, filter({ must: [a] })],
    [`(${A} or (${B} or ${C}))`, filter({ should: [a, b, c] })],
    [`${A} and not (${B} and ${C})`, filter({ must: [a], mustNot: [nested({ must: [b, c] })] })],
    [
      `${A} AND NOT ${B} OR price IN [1]`,
      filter({ should: [nested({ must: [a], mustNot: [b] }), int64s('price', '1')] }),
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    const parsed = parse(text);
    expect(parsed).toEqual(expected);
    checkFilter(parsed, SCHEMA);
  });
});

describe('parseFilterExpression: errors', () => {
  const cases: [string, number, string][] = [
    [
      "color == 'red')",
      14,
      'unexpected ")" at position 14 of the filter expression: expected and, or, or the end of the expression',
    ],
    [
      "colour == 'red'",
      0,
      `unknown field "colour" at position 0 of the filter expression: the fields are ${FIELD_LIST}`,
    ],
    [
      "in_stock and Color == 'red'",
      13,
      `unknown field "Color" at position 13 of the filter expression: the fields are ${FIELD_LIST}`,
    ],
    [
      'color == 5',
      9,
      'field "color" is KEYWORD and takes strings, not the number 5 at position 9 of the filter expression',
    ],
    [
      "color < 'b'",
      0,
      'field "color" is KEYWORD and cannot be compared with < at position 0 of the filter expression: ' +
        '<, <=, > and >= apply to INT64 and DOUBLE fields',
    ],
    [
      'in_stock >= true',
      0,
      'field "in_stock" is BOOL and cannot be compared with >= at position 0 of the filter expression: ' +
        '<, <=, > and >= apply to INT64 and DOUBLE fields',
    ],
    [
      "tags > 'a'",
      0,
      'field "tags" is KEYWORDS and cannot be compared with > at position 0 of the filter expression: ' +
        '<, <=, > and >= apply to INT64 and DOUBLE fields',
    ],
    [
      "meta == '{}'",
      0,
      'field "meta" is JSON at position 0 of the filter expression: JSON fields are stored and returned, never filtered',
    ],
    [
      'is_missing(meta)',
      11,
      'field "meta" is JSON at position 11 of the filter expression: JSON fields are stored and returned, never filtered',
    ],
    [
      'price == 1.5',
      9,
      'field "price" is INT64 and takes integers, not the number 1.5 at position 9 of the filter expression',
    ],
    [
      "price in [1, 'a']",
      13,
      'field "price" is INT64 and takes integers, not the string "a" at position 13 of the filter expression',
    ],
    [
      'price == 9223372036854775808',
      9,
      '9223372036854775808 is outside the int64 range at position 9 of the filter expression',
    ],
    ['score < 1e999', 8, '1e999 is outside the double range at position 8 of the filter expression'],
    [
      "score == 'x'",
      9,
      'field "score" is DOUBLE and takes numbers, not the string "x" at position 9 of the filter expression',
    ],
    [
      'in_stock == 1',
      12,
      'field "in_stock" is BOOL and takes true or false, not the number 1 at position 12 of the filter expression',
    ],
    [
      "tags == 'a'",
      0,
      'field "tags" is KEYWORDS and takes in, not == at position 0 of the filter expression: ' +
        "write tags in ['a', 'b'] to match rows whose set holds any of the values",
    ],
    [
      'color',
      0,
      'field "color" is KEYWORD and cannot stand alone as a condition at position 0 of the filter expression: ' +
        'only a BOOL field can (meaning it is true); compare the field with a value',
    ],
    [
      'color == price',
      9,
      'cannot compare field "price" with another field at position 9 of the filter expression: compare a field with a value',
    ],
    [
      '1 == 2',
      0,
      'cannot compare two values at position 0 of the filter expression: one side must be a field',
    ],
    [
      "'a' in tags",
      4,
      'unexpected "in" at position 4 of the filter expression: expected a comparison operator after the value',
    ],
    ['color in []', 9, 'empty list at position 9 of the filter expression: give at least one value'],
    [
      "color in 'a'",
      9,
      'unexpected string "a" at position 9 of the filter expression: expected "[" starting a list of values',
    ],
    [
      "color in ['a' 'b']",
      14,
      'unexpected string "b" at position 14 of the filter expression: expected "," or "]"',
    ],
    [
      'id > 3',
      0,
      'the row id "id" cannot be compared with > at position 0 of the filter expression: ' +
        '<, <=, > and >= apply to INT64 and DOUBLE fields',
    ],
    [
      "id == 'x'",
      6,
      'the row id "id" takes integers, not the string "x" at position 6 of the filter expression',
    ],
    [
      'is_missing(id)',
      11,
      'is_missing does not apply to the row id at position 11 of the filter expression: every row has one',
    ],
    [
      'price < ',
      8,
      'unexpected end of the expression at position 8 of the filter expression: expected a value',
    ],
    ['', 0, 'unexpected end of the expression at position 0 of the filter expression: expected a condition'],
    [
      '   ',
      3,
      'unexpected end of the expression at position 3 of the filter expression: expected a condition',
    ],
    [
      "color == 'a' and",
      16,
      'unexpected end of the expression at position 16 of the filter expression: expected a condition',
    ],
    ['and', 0, 'unexpected "and" at position 0 of the filter expression: expected a condition'],
    [
      'in_stock in_stock',
      9,
      'unexpected "in_stock" at position 9 of the filter expression: expected and, or, or the end of the expression',
    ],
    ["color = 'red'", 6, 'unexpected "=" at position 6 of the filter expression: use =='],
    ['in_stock & in_stock', 9, 'unexpected "&" at position 9 of the filter expression: use && or and'],
    ['price < 5 ; 1', 10, 'unexpected ";" at position 10 of the filter expression'],
    ["color == 'red", 9, "unterminated string at position 9 of the filter expression: close it with '"],
    [
      "color == 'a\\q'",
      11,
      'unknown escape "\\q" at position 11 of the filter expression: escapes are \\\\ \\\' \\" \\n \\r \\t \\0 and \\uXXXX',
    ],
    [
      "(color == 'x'",
      13,
      'unexpected end of the expression at position 13 of the filter expression: expected ")" to close the "(" at position 0',
    ],
    [
      'is_missing(color',
      16,
      'unexpected end of the expression at position 16 of the filter expression: expected ")" after the field name',
    ],
    ['is_missing()', 11, 'unexpected ")" at position 11 of the filter expression: expected a field name'],
  ];
  it.each(cases)('%s', (text, position, message) => {
    const error = parseError(text);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('becomes INVALID_ARGUMENT with the same message', () => {
    const error = parseError('price <');
    const status = toInvalidArgument(error);
    expect(status.code).toBe(3);
    expect(status.message).toBe(error.message);
  });
});

describe('parseFilterExpression: limits', () => {
  it('refuses an expression over the length limit', () => {
    const error = parseError(`in_stock${' '.repeat(65_536)}`);
    expect(error.message).toBe(
      'the filter expression is longer than 65536 characters at position 65536 of the filter expression: it has 65544',
    );
  });

  it('refuses nesting deeper than the filter depth, pointing at the level that crosses it', () => {
    const nestedLevels = (levels: number): string =>
      levels === 1 ? 'in_stock and not (in_stock)' : `in_stock and not (${nestedLevels(levels - 1)})`;
    let deepest = parse(nestedLevels(16));
    for (let level = 1; level < 16; level++) deepest = deepest.mustNot[0].nested!;
    expect(deepest).toEqual(filter({ must: [bools('in_stock', true)], mustNot: [bools('in_stock', true)] }));
    const error = parseError(nestedLevels(17));
    expect(error.message).toBe(
      'the filter nests more than 16 levels deep at position 288 of the filter expression: ' +
        'every and, or or not that cannot merge into the enclosing one adds a level',
    );
  });

  it('refuses parentheses nested past 256 without overflowing the stack', () => {
    expect(parse(`${'('.repeat(256)}in_stock${')'.repeat(256)}`)).toEqual(
      filter({ must: [bools('in_stock', true)] }),
    );
    const error = parseError(`${'('.repeat(20_000)}in_stock${')'.repeat(20_000)}`);
    expect(error.message).toBe('nested more than 256 levels deep at position 256 of the filter expression');
    expect(parseError(`${'not '.repeat(300)}in_stock`).position).toBe(1024);
  });

  it('refuses more conditions than the limit, counted over every level', () => {
    expect(parse(Array(1024).fill('in_stock').join(' or ')).should).toHaveLength(1024);
    const error = parseError(Array(1025).fill('in_stock').join(' or '));
    expect(error.message).toBe(
      'the filter has more than 1024 conditions at position 12288 of the filter expression: ' +
        'conditions are counted over every nesting level',
    );
    // 1023 leaves and the nested filter holding two of them: 1025 conditions.
    const withNested = `${Array(1022).fill('in_stock').join(' or ')} or (in_stock and in_stock)`;
    expect(parseError(withNested).detail).toBe('the filter has more than 1024 conditions');
    const list = `score in [${Array.from({ length: 1025 }, (_, i) => i).join(', ')}]`;
    expect(parseError(list).position).toBe(list.lastIndexOf('1024'));
  });

  it('refuses a list over the Match value limit', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => i);
    expect(parse(`price in [${values.slice(1).join(',')}]`).must[0].match!.int64s).toHaveLength(10_000);
    const text = `price in [${values.join(',')}]`;
    const error = parseError(text);
    expect(error.message).toBe(
      `the list has more than 10000 values at position ${text.lastIndexOf(',') + 1} of the filter expression`,
    );
  });
});

// ---- property: the Filter means what the expression means ---------------------

interface Row {
  color?: string;
  price?: bigint;
  in_stock?: boolean;
}

type Tree = { atom: number } | { op: 'and' | 'or'; items: Tree[] } | { not: Tree };

/** Atoms in their expression spellings, with what they mean for a row (a missing value fails a comparison). */
const ATOMS: { texts: string[]; holds: (row: Row) => boolean }[] = [
  { texts: ['in_stock', 'in_stock == true', 'true == in_stock'], holds: (row) => row.in_stock === true },
  {
    texts: ['price < 5', '5 > price', 'price <= 4'],
    holds: (row) => row.price !== undefined && row.price < 5n,
  },
  { texts: ["color == 'red'", "'red' == color", "color in ['red']"], holds: (row) => row.color === 'red' },
  { texts: ['price != 3', 'price not in [3]', 'not price == 3'], holds: (row) => row.price !== 3n },
  { texts: ["color in ['red', 'blue']"], holds: (row) => row.color === 'red' || row.color === 'blue' },
  { texts: ['is_missing(price)', 'IS_MISSING( price )'], holds: (row) => row.price === undefined },
];

const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ atom: fc.integer({ min: 0, max: ATOMS.length - 1 }) }),
    fc.record({
      op: fc.constantFrom<'and' | 'or'>('and', 'or'),
      items: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ not: tie('tree') }),
  ),
})).tree;

function render(tree: Tree, spelling: number): string {
  if ('atom' in tree) {
    const texts = ATOMS[tree.atom].texts;
    return texts[spelling % texts.length];
  }
  if ('not' in tree) return `${spelling % 2 === 0 ? 'not' : '!'} (${render(tree.not, spelling + 1)})`;
  const joiner = tree.op === 'and' ? [' and ', ' && ', ' AND '] : [' or ', ' || ', ' Or '];
  return `(${tree.items.map((item, i) => render(item, spelling + i)).join(joiner[spelling % 3])})`;
}

function holds(tree: Tree, row: Row): boolean {
  if ('atom' in tree) return ATOMS[tree.atom].holds(row);
  if ('not' in tree) return !holds(tree.not, row);
  return tree.op === 'and'
    ? tree.items.every((item) => holds(item, row))
    : tree.items.some((item) => holds(item, row));
}

/** How a shard evaluates a Filter (must_not as the complement: rows without the field pass it). */
function matches(f: Filter__Output, row: Row): boolean {
  return (
    f.must.every((c) => conditionHolds(c, row)) &&
    (f.should.length === 0 || f.should.some((c) => conditionHolds(c, row))) &&
    !f.mustNot.some((c) => conditionHolds(c, row))
  );
}

function conditionHolds(condition: Condition__Output, row: Row): boolean {
  const value = (field: string) => row[field as keyof Row];
  switch (condition.condition) {
    case 'match': {
      const { field, keywords, int64s, bools } = condition.match!;
      const v = value(field);
      if (v === undefined) return false;
      return keywords.includes(v as string) || int64s.includes(String(v)) || bools.includes(v as boolean);
    }
    case 'range': {
      const { field, gt, gte, lt, lte } = condition.range!;
      const v = value(field);
      if (v === undefined) return false;
      const n = Number(v);
      return (
        (gt === undefined || n > gt) &&
        (gte === undefined || n >= gte) &&
        (lt === undefined || n < lt) &&
        (lte === undefined || n <= lte)
      );
    }
    case 'nested':
      return matches(condition.nested!, row);
    case 'isMissing':
      return value(condition.isMissing!) === undefined;
    default:
      throw new Error(`unexpected condition ${condition.condition}`);
  }
}

const rowArbitrary: fc.Arbitrary<Row> = fc.record(
  {
    color: fc.constantFrom('red', 'blue', 'green'),
    price: fc.bigInt({ min: 0n, max: 7n }),
    in_stock: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('parseFilterExpression: property', () => {
  it('gives a valid Filter that matches exactly the rows the expression describes', () => {
    fc.assert(
      fc.property(
        treeArbitrary,
        fc.nat(5),
        fc.array(rowArbitrary, { minLength: 1, maxLength: 20 }),
        (tree, spelling, rows) => {
          const text = render(tree, spelling);
          const parsed = parse(text);
          checkFilter(parsed, SCHEMA);
          for (const row of rows)
            expect(
              matches(parsed, row),
              `${text} on ${JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`,
            ).toBe(holds(tree, row));
        },
      ),
      { numRuns: 500 },
    );
  });
});
