import { VecshardService, WireFormatError } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import {
  decodeFieldColumns,
  encodeColumn,
  encodeFieldColumns,
  int64FromWire,
  int64ToWire,
  isMissing,
  upsertColumns,
} from '../src/documents/field-columns.js';
import type { WireFieldColumnOutput } from '../src/documents/wire.js';
import { VecshardError } from '../src/errors.js';

const upsert = VecshardService.service.Upsert;
const search = VecshardService.service.Search;

/** What the server receives: the column through the real UpsertRequest encoding. */
function onTheWire(columns: ReturnType<typeof encodeFieldColumns>) {
  return upsert.requestDeserialize(upsert.requestSerialize({ collection: 'c', fields: columns })).fields;
}

/** A column as the server would send it (missing bits given as bytes). */
function column(fields: Partial<WireFieldColumnOutput> & { name: string }) {
  const encoded = search.responseSerialize({ fields: [fields] });
  return search.responseDeserialize(encoded).fields;
}

const EMPTY = {
  int64Values: [],
  doubleValues: [],
  keywordValues: [],
  boolValues: [],
  keywordsValues: [],
  jsonValues: [],
};

describe('encoding upsert columns', () => {
  it('sets bit r%8 of byte r/8 for each missing row, a placeholder in the list', () => {
    const values = Array.from({ length: 11 }, (_, row) => ([0, 7, 8, 10].includes(row) ? null : row * 1.5));
    values[7] = undefined as unknown as null; // undefined is missing too
    const [wire] = onTheWire([encodeColumn('c', 'price', 'double', values, 11)]);
    expect(wire).toEqual({
      ...EMPTY,
      name: 'price',
      doubleValues: [0, 1.5, 3, 4.5, 6, 7.5, 9, 0, 0, 13.5, 0],
      missing: Buffer.from([0b1000_0001, 0b0000_0101]),
    });
    for (let row = 0; row < 11; row++) expect(isMissing(wire.missing, row)).toBe([0, 7, 8, 10].includes(row));
  });

  it('leaves `missing` empty when every row has a value', () => {
    const [wire] = onTheWire([encodeColumn('c', 'ok', 'bool', [true, false, true], 3)]);
    expect(wire).toEqual({ ...EMPTY, name: 'ok', boolValues: [true, false, true], missing: Buffer.alloc(0) });
  });

  it('encodes every type into its own list, with its placeholder', () => {
    const columns = encodeFieldColumns(
      'c',
      new Map([
        ['year', 'int64'],
        ['color', 'keyword'],
        ['tags', 'keywords'],
        ['meta', 'json'],
      ] as const),
      [
        ['year', [2024, -(2n ** 63n), null]],
        ['color', ['red', null, '']],
        ['tags', [['a', 'b'], [], null]],
        ['meta', [{ a: [1, 'x'] }, null, 'text']],
      ],
      3,
    );
    expect(onTheWire(columns)).toEqual([
      {
        ...EMPTY,
        name: 'year',
        int64Values: ['2024', '-9223372036854775808', '0'],
        missing: Buffer.from([0b100]),
      },
      { ...EMPTY, name: 'color', keywordValues: ['red', '', ''], missing: Buffer.from([0b010]) },
      {
        ...EMPTY,
        name: 'tags',
        keywordsValues: [{ values: ['a', 'b'] }, { values: [] }, { values: [] }],
        missing: Buffer.from([0b100]),
      },
      { ...EMPTY, name: 'meta', jsonValues: ['{"a":[1,"x"]}', '', '"text"'], missing: Buffer.from([0b010]) },
    ]);
  });

  it('takes typed arrays as columns', () => {
    const [wire] = onTheWire([
      encodeColumn('c', 'n', 'int64', BigInt64Array.of(1n, 2n ** 62n), 2),
      encodeColumn('c', 'd', 'double', Float64Array.of(0.25, -1), 2),
    ]);
    expect(wire.int64Values).toEqual(['1', '4611686018427387904']);
  });

  it('refuses a value of the wrong type, naming field, type and row', () => {
    const refusal = (type: Parameters<typeof encodeColumn>[2], value: unknown) => {
      try {
        encodeColumn('docs', 'f', type, [null, value] as never, 2);
      } catch (error) {
        expect(error).toBeInstanceOf(VecshardError);
        expect((error as VecshardError).codeName).toBe('INVALID_ARGUMENT');
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal('int64', 1.5)).toBe(
      'Upsert "docs": field "f" (int64), row 1: expected an integer, got 1.5',
    );
    expect(refusal('int64', 2 ** 53)).toBe(
      'Upsert "docs": field "f" (int64), row 1: 9007199254740992 is beyond ±(2^53 − 1), where numbers are ' +
        'no longer exact: pass it as a bigint',
    );
    expect(refusal('int64', 2n ** 63n)).toBe(
      'Upsert "docs": field "f" (int64), row 1: 9223372036854775808 is outside the int64 range',
    );
    expect(refusal('int64', '7')).toBe(
      'Upsert "docs": field "f" (int64), row 1: expected an integer (number or bigint), got "7"',
    );
    expect(refusal('double', 1n)).toBe('Upsert "docs": field "f" (double), row 1: expected a number, got 1n');
    expect(refusal('keyword', 3)).toBe(
      'Upsert "docs": field "f" (keyword), row 1: expected a string, got number 3',
    );
    expect(refusal('bool', 1)).toBe(
      'Upsert "docs": field "f" (bool), row 1: expected a boolean, got number 1',
    );
    expect(refusal('keywords', ['a', 1])).toBe(
      'Upsert "docs": field "f" (keywords), row 1: expected an array of strings, got an array (2)',
    );
    expect(refusal('json', { n: 1n })).toMatch(
      /^Upsert "docs": field "f" \(json\), row 1: not JSON-serialisable: /,
    );
    expect(refusal('json', () => 1)).toBe(
      'Upsert "docs": field "f" (json), row 1: not JSON-serialisable: a function',
    );
  });

  it('refuses a field the schema does not have, listing those it has', () => {
    expect(() => encodeFieldColumns('docs', new Map([['a', 'bool']]), [['b', [true]]], 1)).toThrow(
      'Upsert "docs": no field "b" in the collection (its fields: "a")',
    );
  });
});

describe('the columns an upsert is given', () => {
  it('refuses a column whose length is not the number of ids', () => {
    expect(() => upsertColumns('docs', { price: [1, 2, 3] }, 4)).toThrow(
      'Upsert "docs": field "price" has 3 values, but the upsert has 4 ids: give one value per id (null for none)',
    );
    expect(() => upsertColumns('docs', { price: [1] }, 0)).toThrow(
      'Upsert "docs": field "price" has 1 value, but the upsert has 0 ids',
    );
    expect(() => upsertColumns('docs', { color: 'red' as never }, 3)).toThrow(
      'Upsert "docs": field "color" must be an array of values (one per id), got "red"',
    );
  });

  it('keeps columns of n values and drops undefined ones', () => {
    const price = [1, null];
    expect(upsertColumns('docs', { price, gone: undefined }, 2)).toEqual([['price', price]]);
    expect(upsertColumns('docs', undefined, 2)).toEqual([]);
  });
});

describe('int64 values', () => {
  it('decode to a number when a safe integer, to a bigint beyond', () => {
    expect(int64FromWire('9007199254740991')).toBe(9007199254740991);
    expect(int64FromWire('-9007199254740991')).toBe(-9007199254740991);
    expect(int64FromWire('9007199254740992')).toBe(9007199254740992n);
    expect(int64FromWire('-9007199254740992')).toBe(-9007199254740992n);
    expect(int64FromWire('9007199254740993')).toBe(9007199254740993n);
    expect(int64FromWire('9223372036854775807')).toBe(9223372036854775807n);
    expect(int64FromWire('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(int64FromWire('0')).toBe(0);
  });

  it('encode from safe integers and int64 bigints only', () => {
    expect(int64ToWire(-5)).toBe('-5');
    expect(int64ToWire(-0)).toBe('0');
    expect(int64ToWire(9007199254740991)).toBe('9007199254740991');
    expect(int64ToWire(9007199254740992)).toBeUndefined();
    expect(int64ToWire(2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(int64ToWire(-(2n ** 63n) - 1n)).toBeUndefined();
    expect(int64ToWire(0.5)).toBeUndefined();
  });
});

describe('decoding result columns', () => {
  it('reads each type, null where the row is missing', () => {
    const columns = [
      ...column({ name: 'n', int64Values: ['1', '9007199254740993', '0'], missing: Buffer.from([0b100]) }),
      ...column({ name: 'd', doubleValues: [0.5, 0, 2], missing: Buffer.from([0b010]) }),
      ...column({ name: 'k', keywordValues: ['a', 'b', ''] }),
      ...column({ name: 'b', boolValues: [false, true, false], missing: Buffer.from([0b001]) }),
      ...column({ name: 't', keywordsValues: [{ values: ['x'] }, { values: [] }, { values: ['y', 'z'] }] }),
      ...column({ name: 'j', jsonValues: ['{"a":1}', '[1,"x"]', ''], missing: Buffer.from([0b100]) }),
    ];
    expect(decodeFieldColumns(columns, 3)).toEqual({
      n: [1, 9007199254740993n, null],
      d: [0.5, null, 2],
      k: ['a', 'b', ''],
      b: [null, true, false],
      t: [['x'], [], ['y', 'z']],
      j: [{ a: 1 }, [1, 'x'], null],
    });
  });

  it('reads missing bits past row 7 from the next byte', () => {
    const values = Array.from({ length: 10 }, (_, i) => String(i));
    const [decoded] = Object.values(
      decodeFieldColumns(column({ name: 'k', keywordValues: values, missing: Buffer.from([0, 0b10]) }), 10),
    );
    expect(decoded).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', null]);
  });

  it('takes a column without values when every row is missing', () => {
    expect(decodeFieldColumns(column({ name: 'x', missing: Buffer.from([0b111]) }), 3)).toEqual({
      x: [null, null, null],
    });
    expect(decodeFieldColumns(column({ name: 'x' }), 0)).toEqual({ x: [] });
  });

  it('refuses a column of another length, or without values for rows that have one', () => {
    expect(() => decodeFieldColumns(column({ name: 'x', doubleValues: [1, 2] }), 3)).toThrow(
      new WireFormatError('field "x": 2 double values for 3 rows'),
    );
    expect(() => decodeFieldColumns(column({ name: 'x', missing: Buffer.from([0b101]) }), 3)).toThrow(
      new WireFormatError('field "x": no values, but row 1 is not marked missing'),
    );
    expect(() =>
      decodeFieldColumns(column({ name: 'x', doubleValues: [1], keywordValues: ['a'] }), 1),
    ).toThrow('field "x": 1 double, 1 keyword values for 1 rows');
  });
});
