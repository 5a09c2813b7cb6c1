import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicPackageDefinition } from '../src/definitions.js';
import {
  concatColumns,
  decodeColumns,
  emptyColumns,
  encodeColumns,
  sliceColumns,
} from '../src/fields/columns.js';
import {
  type Column,
  FIELD_LIMITS,
  type FieldSpec,
  type FieldTypeName,
  isMissing,
} from '../src/fields/field-schema.js';
import type { FieldColumn__Output } from '../src/generated/vecshard/v1/FieldColumn.js';
import { RpcError } from '../src/rpc-error.js';

const SCHEMA: FieldSpec[] = [
  { name: 'price', type: 'int64' },
  { name: 'score', type: 'double' },
  { name: 'color', type: 'keyword' },
  { name: 'in_stock', type: 'bool' },
  { name: 'tags', type: 'keywords' },
  { name: 'meta', type: 'json' },
];

/** A decoded wire column: every list present, as the loader (defaults=true) gives it. */
function wire(column: Partial<FieldColumn__Output> & { name: string }): FieldColumn__Output {
  return {
    int64Values: [],
    doubleValues: [],
    keywordValues: [],
    boolValues: [],
    keywordsValues: [],
    jsonValues: [],
    missing: Buffer.alloc(0),
    ...column,
  };
}

/** Serialises and parses an Upsert carrying the columns: what a handler receives. */
function throughTheWire(columns: FieldColumn__Output[]): FieldColumn__Output[] {
  const upsert = publicPackageDefinition['vecshard.v1.Vecshard'] as unknown as Record<
    string,
    {
      requestSerialize(value: object): Buffer;
      requestDeserialize(bytes: Buffer): { fields: FieldColumn__Output[] };
    }
  >;
  const method = upsert.Upsert;
  return method.requestDeserialize(method.requestSerialize({ collection: 'c', fields: columns })).fields;
}

function refusal(schema: FieldSpec[], columns: FieldColumn__Output[], n: number): string {
  try {
    decodeColumns(schema, columns, n);
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(3);
    return (error as Error).message;
  }
  throw new Error('columns accepted');
}

describe('decodeColumns', () => {
  it('decodes every type into typed arrays, in schema order, missing rows holding placeholders', () => {
    const sent = throughTheWire([
      wire({ name: 'tags', keywordsValues: [{ values: ['a', 'b'] }, { values: ['x'] }, { values: [] }] }),
      wire({ name: 'price', int64Values: ['-9223372036854775808', '7', '9223372036854775807'] }),
      wire({ name: 'score', doubleValues: [1.5, 99, -0.25], missing: Buffer.from([0b010]) }),
      wire({ name: 'color', keywordValues: ['red', 'junk', 'blü'], missing: Buffer.from([0b010]) }),
      wire({ name: 'in_stock', boolValues: [true, false, true] }),
      wire({ name: 'meta', jsonValues: ['{"a":1}', 'not json', '[1]'], missing: Buffer.from([0b010]) }),
    ]);
    const columns = decodeColumns(SCHEMA, sent, 3);
    expect(columns).toEqual([
      {
        name: 'price',
        type: 'int64',
        values: BigInt64Array.of(-(2n ** 63n), 7n, 2n ** 63n - 1n),
        missing: Uint8Array.of(0),
      },
      { name: 'score', type: 'double', values: Float64Array.of(1.5, 0, -0.25), missing: Uint8Array.of(2) },
      { name: 'color', type: 'keyword', values: ['red', '', 'blü'], missing: Uint8Array.of(2) },
      { name: 'in_stock', type: 'bool', values: Uint8Array.of(1, 0, 1), missing: Uint8Array.of(0) },
      { name: 'tags', type: 'keywords', values: [['a', 'b'], ['x'], []], missing: Uint8Array.of(0) },
      { name: 'meta', type: 'json', values: ['{"a":1}', '', '[1]'], missing: Uint8Array.of(2) },
    ]);
  });

  it('gives every row of a field not sent as missing', () => {
    const [price, tags] = decodeColumns(
      [
        { name: 'price', type: 'int64' },
        { name: 'tags', type: 'keywords' },
      ],
      [],
      10,
    );
    expect(price).toEqual({
      name: 'price',
      type: 'int64',
      values: new BigInt64Array(10),
      missing: Uint8Array.of(0xff, 0b11),
    });
    expect(tags.values).toEqual(Array.from({ length: 10 }, () => []));
    expect(tags.missing).toEqual(Uint8Array.of(0xff, 0b11));
  });

  it('sizes missing bits to n rows: a short array leaves later rows present, bits past n are dropped', () => {
    const [column] = decodeColumns(
      [{ name: 'b', type: 'bool' }],
      [wire({ name: 'b', boolValues: Array(12).fill(true), missing: Buffer.from([0b1]) })],
      12,
    );
    expect(column.missing).toEqual(Uint8Array.of(1, 0));
    expect([...column.values]).toEqual([0, ...Array(11).fill(1)]);
    const [trimmed] = decodeColumns(
      [{ name: 'b', type: 'bool' }],
      [wire({ name: 'b', boolValues: [true, true, true], missing: Buffer.from([0b1111_1010]) })],
      3,
    );
    expect(trimmed.missing).toEqual(Uint8Array.of(0b010));
  });

  it('accepts a batch of no rows', () => {
    expect(decodeColumns([{ name: 'a', type: 'keyword' }], [wire({ name: 'a' })], 0)).toEqual([
      { name: 'a', type: 'keyword', values: [], missing: new Uint8Array(0) },
    ]);
  });

  it('refuses unknown and repeated fields', () => {
    expect(refusal(SCHEMA, [wire({ name: 'colour', keywordValues: ['red'] })], 1)).toBe(
      'unknown field "colour" in the columns (fields: price, score, color, in_stock, tags, meta)',
    );
    expect(refusal([], [wire({ name: 'x' })], 0)).toBe(
      'unknown field "x" in the columns (the collection has no fields)',
    );
    const color = wire({ name: 'color', keywordValues: ['red'] });
    expect(refusal(SCHEMA, [color, color], 1)).toBe('field "color" is sent twice; send one column per field');
  });

  it('refuses values in a list that is not the field type', () => {
    expect(refusal(SCHEMA, [wire({ name: 'score', keywordValues: ['1'] })], 1)).toBe(
      'field "score" is DOUBLE; the column sends keyword_values (use double_values)',
    );
    expect(refusal(SCHEMA, [wire({ name: 'price', doubleValues: [1] })], 1)).toBe(
      'field "price" is INT64; the column sends double_values (use int64_values)',
    );
    expect(refusal(SCHEMA, [wire({ name: 'tags', keywordValues: ['a'] })], 1)).toBe(
      'field "tags" is KEYWORDS; the column sends keyword_values (use keywords_values)',
    );
  });

  it('refuses values in more than one list', () => {
    expect(refusal(SCHEMA, [wire({ name: 'price', int64Values: ['1'], doubleValues: [1] })], 1)).toBe(
      'field "price" sends values in int64_values and double_values; a column sends one list',
    );
  });

  it('refuses a value count other than the row count, missing rows included', () => {
    const message = (count: number) =>
      `field "color" has ${count} values for 3 rows: send one per row (a placeholder where the missing bits mark the row)`;
    expect(refusal(SCHEMA, [wire({ name: 'color', keywordValues: ['a', 'b'] })], 3)).toBe(message(2));
    expect(refusal(SCHEMA, [wire({ name: 'color', missing: Buffer.from([0b111]) })], 3)).toBe(message(0));
    expect(refusal(SCHEMA, [wire({ name: 'color', keywordValues: ['a', 'b', 'c', 'd'] })], 3)).toBe(
      message(4),
    );
  });

  it('refuses more missing bytes than the rows need', () => {
    expect(
      refusal(
        SCHEMA,
        [wire({ name: 'in_stock', boolValues: Array(8).fill(true), missing: Buffer.alloc(2) })],
        8,
      ),
    ).toBe('field "in_stock" sends 2 bytes of missing bits for 8 rows; at most 1');
  });

  it('refuses keywords over the byte limit, counting UTF-8 bytes', () => {
    const limit = FIELD_LIMITS.maxKeywordBytes;
    const fits = 'é'.repeat(limit / 2); // 2 bytes each
    expect(decodeColumns(SCHEMA, [wire({ name: 'color', keywordValues: [fits] })], 1)[2].values).toEqual([
      fits,
    ]);
    expect(refusal(SCHEMA, [wire({ name: 'color', keywordValues: ['ok', `${fits}é`] })], 2)).toBe(
      `field "color" row 1 holds a keyword of ${limit + 2} bytes; at most ${limit} (UTF-8)`,
    );
    expect(
      refusal(
        SCHEMA,
        [wire({ name: 'tags', keywordsValues: [{ values: ['a', 'x'.repeat(limit + 1)] }] })],
        1,
      ),
    ).toBe(`field "tags" row 0 holds a keyword of ${limit + 1} bytes; at most ${limit} (UTF-8)`);
  });

  it('does not check the slots of missing rows', () => {
    const long = 'x'.repeat(FIELD_LIMITS.maxKeywordBytes + 1);
    const [, , color] = decodeColumns(
      SCHEMA,
      [wire({ name: 'color', keywordValues: [long], missing: Buffer.of(1) })],
      1,
    );
    expect(color.values).toEqual(['']);
  });

  it('refuses a keyword set over the element limit', () => {
    const set = Array.from({ length: FIELD_LIMITS.maxKeywordsPerRow + 1 }, (_, i) => `t${i}`);
    expect(refusal(SCHEMA, [wire({ name: 'tags', keywordsValues: [{ values: set }] })], 1)).toBe(
      'field "tags" row 0 holds 257 keywords; at most 256',
    );
  });

  it('refuses JSON that does not parse or is too large', () => {
    expect(refusal(SCHEMA, [wire({ name: 'meta', jsonValues: ['{}', '{"a":'] })], 2)).toMatch(
      /^field "meta" row 1 is not valid JSON: /,
    );
    expect(refusal(SCHEMA, [wire({ name: 'meta', jsonValues: [''] })], 1)).toMatch(
      /^field "meta" row 0 is not valid JSON: /,
    );
    const big = JSON.stringify('x'.repeat(FIELD_LIMITS.maxJsonBytes));
    expect(refusal(SCHEMA, [wire({ name: 'meta', jsonValues: [big] })], 1)).toBe(
      `field "meta" row 0 holds ${FIELD_LIMITS.maxJsonBytes + 2} bytes of JSON; at most ${FIELD_LIMITS.maxJsonBytes}`,
    );
  });

  it('refuses non-finite doubles', () => {
    expect(refusal(SCHEMA, [wire({ name: 'score', doubleValues: [1, Number.NaN] })], 2)).toBe(
      'field "score" row 1 holds NaN; values must be finite',
    );
    expect(refusal(SCHEMA, [wire({ name: 'score', doubleValues: [Number.NEGATIVE_INFINITY] })], 1)).toBe(
      'field "score" row 0 holds -Infinity; values must be finite',
    );
  });

  it('refuses int64 text outside int64', () => {
    expect(refusal(SCHEMA, [wire({ name: 'price', int64Values: ['9223372036854775808'] })], 1)).toBe(
      'field "price" row 0 holds "9223372036854775808", not an int64',
    );
    expect(refusal(SCHEMA, [wire({ name: 'price', int64Values: ['1', '1.5'] })], 2)).toBe(
      'field "price" row 1 holds "1.5", not an int64',
    );
    expect(refusal(SCHEMA, [wire({ name: 'price', int64Values: [''] })], 1)).toBe(
      'field "price" row 0 holds "", not an int64',
    );
  });
});

describe('encodeColumns', () => {
  it('sends each type in its list, and missing bits only when a row is missing', () => {
    const columns = decodeColumns(
      SCHEMA,
      [
        wire({ name: 'price', int64Values: ['-5', '0'], missing: Buffer.of(0b10) }),
        wire({ name: 'in_stock', boolValues: [true, false] }),
        wire({ name: 'tags', keywordsValues: [{ values: ['a'] }, { values: [] }] }),
      ],
      2,
    );
    const encoded = encodeColumns(columns);
    expect(encoded.map((column) => column.name)).toEqual(SCHEMA.map((spec) => spec.name));
    expect(encoded[0]).toEqual(wire({ name: 'price', int64Values: ['-5', '0'], missing: Buffer.of(0b10) }));
    expect(encoded[3]).toEqual(wire({ name: 'in_stock', boolValues: [true, false] }));
    expect(encoded[4]).toEqual(wire({ name: 'tags', keywordsValues: [{ values: ['a'] }, { values: [] }] }));
    expect(encoded[2]).toEqual(wire({ name: 'color', keywordValues: ['', ''], missing: Buffer.of(0b11) }));
  });
});

describe('sliceColumns and concatColumns', () => {
  const n = 21;
  const columns = decodeColumns(
    [
      { name: 'price', type: 'int64' },
      { name: 'color', type: 'keyword' },
      { name: 'tags', type: 'keywords' },
    ],
    [
      wire({
        name: 'price',
        int64Values: Array.from({ length: n }, (_, row) => String(row * 10)),
        missing: Buffer.of(0b1000_0001, 0, 0b1_0000),
      }),
      wire({ name: 'color', keywordValues: Array.from({ length: n }, (_, row) => `c${row}`) }),
      wire({
        name: 'tags',
        keywordsValues: Array.from({ length: n }, (_, row) => ({ values: [`t${row}`] })),
      }),
    ],
    n,
  );

  it('picks rows in the given order, repeats allowed, with their missing bits', () => {
    const [price, color, tags] = sliceColumns(columns, Int32Array.of(20, 7, 1, 7, 0));
    expect(price).toEqual({
      name: 'price',
      type: 'int64',
      // Rows 20, 7 and 0 are missing.
      values: BigInt64Array.of(0n, 0n, 10n, 0n, 0n),
      missing: Uint8Array.of(0b1_1011),
    });
    expect(color.values).toEqual(['c20', 'c7', 'c1', 'c7', 'c0']);
    expect(color.missing).toEqual(Uint8Array.of(0));
    expect(tags.values).toEqual([['t20'], ['t7'], ['t1'], ['t7'], ['t0']]);
    expect(sliceColumns(columns, [])[0]).toEqual({
      name: 'price',
      type: 'int64',
      values: new BigInt64Array(0),
      missing: new Uint8Array(0),
    });
  });

  it('refuses a row outside the batch', () => {
    expect(() => sliceColumns(columns, [n])).toThrow('row 21 of column "price", which has 21 rows');
  });

  it('puts sliced parts back together, at any bit offset', () => {
    for (const cut of [0, 3, 8, 13, n]) {
      const head = sliceColumns(
        columns,
        Array.from({ length: cut }, (_, row) => row),
      );
      const tail = sliceColumns(
        columns,
        Array.from({ length: n - cut }, (_, row) => cut + row),
      );
      expect(concatColumns([head, tail])).toEqual(columns);
    }
    expect(concatColumns([])).toEqual([]);
  });

  it('refuses parts with different fields', () => {
    expect(() => concatColumns([columns, columns.slice(1)])).toThrow(
      'cannot concatenate batches of 3, 2 fields',
    );
    expect(() => concatColumns([columns, [...columns.slice(1), columns[0]]])).toThrow(
      'cannot concatenate column "color" (keyword) with "price" (int64): the batches hold different fields',
    );
  });
});

describe('emptyColumns', () => {
  it('gives n placeholder rows, all missing', () => {
    expect(emptyColumns(SCHEMA, 3)).toEqual([
      { name: 'price', type: 'int64', values: new BigInt64Array(3), missing: Uint8Array.of(0b111) },
      { name: 'score', type: 'double', values: new Float64Array(3), missing: Uint8Array.of(0b111) },
      { name: 'color', type: 'keyword', values: ['', '', ''], missing: Uint8Array.of(0b111) },
      { name: 'in_stock', type: 'bool', values: new Uint8Array(3), missing: Uint8Array.of(0b111) },
      { name: 'tags', type: 'keywords', values: [[], [], []], missing: Uint8Array.of(0b111) },
      { name: 'meta', type: 'json', values: ['', '', ''], missing: Uint8Array.of(0b111) },
    ]);
  });
});

// ---- round trip --------------------------------------------------------------

const keyword = fc.string({ unit: 'grapheme', maxLength: 12 });

const VALUE_ARBITRARIES: Record<FieldTypeName, fc.Arbitrary<unknown>> = {
  int64: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  double: fc.double({ noNaN: true, noDefaultInfinity: true }),
  keyword,
  bool: fc.boolean(),
  keywords: fc.array(keyword, { maxLength: 4 }),
  json: fc.json({ maxDepth: 2 }),
};

const PLACEHOLDERS: Record<FieldTypeName, unknown> = {
  int64: 0n,
  double: 0,
  keyword: '',
  bool: false,
  keywords: [],
  json: '',
};

/** The placeholders as a Column holds them (a BOOL column stores 0/1). */
const STORED_PLACEHOLDERS: Record<FieldTypeName, unknown> = { ...PLACEHOLDERS, bool: 0 };

/** A column as decodeColumns gives one: placeholders where rows are missing, bits sized to n. */
function columnArbitrary(spec: FieldSpec, n: number): fc.Arbitrary<Column> {
  const row = fc.option(VALUE_ARBITRARIES[spec.type], { nil: undefined, freq: 4 });
  return fc.array(row, { minLength: n, maxLength: n }).map((rows) => {
    const missing = new Uint8Array((n + 7) >> 3);
    rows.forEach((value, index) => {
      if (value === undefined) missing[index >> 3] |= 1 << (index & 7);
    });
    const values = rows.map((value) => (value === undefined ? PLACEHOLDERS[spec.type] : value));
    return { name: spec.name, missing, ...typedValues(spec.type, values) } as Column;
  });
}

function typedValues(type: FieldTypeName, values: unknown[]) {
  switch (type) {
    case 'int64':
      return { type, values: BigInt64Array.from(values as bigint[]) };
    case 'double':
      return { type, values: Float64Array.from(values as number[]) };
    case 'bool':
      return { type, values: Uint8Array.from(values as boolean[], Number) };
    default:
      return { type, values };
  }
}

const batchArbitrary = fc
  .record({
    types: fc.uniqueArray(
      fc.constantFrom<FieldTypeName>('int64', 'double', 'keyword', 'bool', 'keywords', 'json'),
      {
        minLength: 1,
      },
    ),
    n: fc.integer({ min: 0, max: 40 }),
  })
  .chain(({ types, n }) => {
    const schema = types.map((type, index) => ({ name: `f${index}_${type}`, type }));
    return fc.tuple(
      fc.constant(schema),
      fc.constant(n),
      fc.tuple(...schema.map((spec) => columnArbitrary(spec, n))),
    );
  });

describe('round trip', () => {
  it('decodeColumns(encodeColumns(columns)) through a real Upsert gives the columns back', () => {
    fc.assert(
      fc.property(batchArbitrary, ([schema, n, columns]) => {
        const decoded = decodeColumns(schema, throughTheWire(encodeColumns(columns)), n);
        expect(decoded).toEqual(columns);
        for (const column of decoded) {
          for (let row = 0; row < n; row++) {
            if (isMissing(column.missing, row))
              expect(column.values[row]).toEqual(STORED_PLACEHOLDERS[column.type]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decodes a 10,000-row batch of every type', () => {
    const n = 10_000;
    const rows = Array.from({ length: n }, (_, row) => row);
    const missing = Buffer.alloc(n / 8, 0b0100_0001);
    const sent = throughTheWire([
      wire({ name: 'price', int64Values: rows.map((row) => String(row * 1_000_003)), missing }),
      wire({ name: 'score', doubleValues: rows.map((row) => row / 3) }),
      wire({ name: 'color', keywordValues: rows.map((row) => `color-${row % 17}`) }),
      wire({ name: 'in_stock', boolValues: rows.map((row) => row % 3 === 0) }),
      wire({ name: 'tags', keywordsValues: rows.map((row) => ({ values: [`t${row % 5}`, `u${row % 7}`] })) }),
      wire({ name: 'meta', jsonValues: rows.map((row) => `{"row":${row}}`), missing }),
    ]);
    const columns = decodeColumns(SCHEMA, sent, n);
    expect(columns[0].values[9_999]).toBe(9_999n * 1_000_003n);
    expect(columns[0].values[9_998]).toBe(0n); // bit 6 of its byte: missing
    expect(columns[5].values[9_993]).toBe('{"row":9993}');
    expect(
      concatColumns([sliceColumns(columns, rows.slice(0, 4_321)), sliceColumns(columns, rows.slice(4_321))]),
    ).toEqual(columns);
  });
});
