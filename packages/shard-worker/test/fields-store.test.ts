import { status } from '@grpc/grpc-js';
import type { FieldSpec } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { FieldStore } from '../src/fields/field-store.js';
import type { ConditionInput, FilterInput } from '../src/fields/filter-input.js';
import { columnsOf, idBytes, type RowValues, valueAt } from './fields-model.js';

const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'tags', type: 'keywords' },
  { name: 'n', type: 'int64' },
  { name: 'price', type: 'double' },
  { name: 'flag', type: 'bool' },
  { name: 'doc', type: 'json' },
];

const BIG = 2n ** 60n + 1n;
const INT64_MIN = -(2n ** 63n);

/** id → [list, values]. Row 4 has no values at all; row 2's price is -0. */
const ROWS: [bigint, number, RowValues][] = [
  [1n, 0, { color: 'red', tags: ['a', 'b'], n: -5n, price: -2.5, flag: true, doc: '{"a":1}' }],
  [2n, 0, { color: 'green', tags: ['b'], n: 0n, price: -0, flag: false }],
  [3n, 1, { color: 'blue', tags: [], n: 7n, price: 10.25, flag: true, doc: '[]' }],
  [4n, 1, {}],
  [5n, 2, { color: 'red', tags: ['c', 'a'], n: BIG, price: 1e300, flag: false, doc: 'null' }],
  [-9n, 2, { color: 'Red', tags: ['a'], n: INT64_MIN, price: -1, flag: true }],
];

function fixture(): FieldStore {
  const store = new FieldStore(SCHEMA);
  store.upsert(
    BigInt64Array.from(ROWS.map(([id]) => id)),
    ROWS.map(([, list]) => list),
    columnsOf(
      SCHEMA,
      ROWS.map(([, , values]) => values),
    ),
  );
  return store;
}

function upsertRow(store: FieldStore, id: bigint, list: number, values: RowValues): void {
  store.upsert(BigInt64Array.of(id), [list], columnsOf(SCHEMA, [values]));
}

/** What an action threw: its gRPC code and message. */
function refusalOf(action: () => unknown): { code: unknown; message: string } {
  try {
    action();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('the action was not refused');
}

const invalid = (message: RegExp) => ({
  code: status.INVALID_ARGUMENT,
  message: expect.stringMatching(message),
});

const idsOf = (store: FieldStore, filter: FilterInput | undefined) => [...store.match(filter).ids()];
const must = (...conditions: ConditionInput[]): FilterInput => ({ must: conditions });
const keyword = (field: string, ...keywords: string[]): ConditionInput => ({ match: { field, keywords } });
const int64s = (field: string, ...values: string[]): ConditionInput => ({ match: { field, int64s: values } });
const bools = (field: string, ...values: boolean[]): ConditionInput => ({ match: { field, bools: values } });
const range = (
  field: string,
  bounds: { gt?: number; gte?: number; lt?: number; lte?: number },
): ConditionInput => ({
  range: { field, ...bounds },
});

describe('FieldStore filters', () => {
  it('admits every row for an absent or empty filter', () => {
    const store = fixture();
    const all = [-9n, 1n, 2n, 3n, 4n, 5n];
    expect(idsOf(store, undefined)).toEqual(all);
    expect(idsOf(store, { must: [], should: [], mustNot: [] })).toEqual(all);
    expect(store.size).toBe(6);
  });

  it('matches KEYWORD values exactly (case and all)', () => {
    const store = fixture();
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([1n, 5n]);
    expect(idsOf(store, must(keyword('color', 'red', 'blue')))).toEqual([1n, 3n, 5n]);
    expect(idsOf(store, must(keyword('color', 'Red')))).toEqual([-9n]);
    expect(idsOf(store, must(keyword('color', 'purple')))).toEqual([]);
    expect(idsOf(store, must(keyword('color')))).toEqual([]);
  });

  it('matches a KEYWORDS row when any element of its set is one of the values', () => {
    const store = fixture();
    expect(idsOf(store, must(keyword('tags', 'a')))).toEqual([-9n, 1n, 5n]);
    expect(idsOf(store, must(keyword('tags', 'b', 'c')))).toEqual([1n, 2n, 5n]);
    expect(idsOf(store, must(keyword('tags', 'z')))).toEqual([]);
    // Row 3's set is empty: it has a value (not missing) but no element matches.
    expect(idsOf(store, must({ isMissing: 'tags' }))).toEqual([4n]);
  });

  it('matches INT64 values exactly, past 2^53 too', () => {
    const store = fixture();
    expect(idsOf(store, must(int64s('n', '0', '7')))).toEqual([2n, 3n]);
    expect(idsOf(store, must(int64s('n', BIG.toString())))).toEqual([5n]);
    // 2^60 has the same nearest double as 2^60 + 1, but is another int64.
    expect(idsOf(store, must(int64s('n', (2n ** 60n).toString())))).toEqual([]);
    expect(idsOf(store, must(int64s('n', INT64_MIN.toString(), '-5')))).toEqual([-9n, 1n]);
  });

  it('matches BOOL values', () => {
    const store = fixture();
    expect(idsOf(store, must(bools('flag', true)))).toEqual([-9n, 1n, 3n]);
    expect(idsOf(store, must(bools('flag', false)))).toEqual([2n, 5n]);
    expect(idsOf(store, must(bools('flag', true, false)))).toEqual([-9n, 1n, 2n, 3n, 5n]);
  });

  it('answers INT64 ranges with each bound kind, comparing exactly', () => {
    const store = fixture();
    const n = (bounds: Parameters<typeof range>[1]) => idsOf(store, must(range('n', bounds)));
    expect(n({ gt: -5 })).toEqual([2n, 3n, 5n]);
    expect(n({ gte: -5 })).toEqual([1n, 2n, 3n, 5n]);
    expect(n({ lt: 0 })).toEqual([-9n, 1n]);
    expect(n({ lte: 0 })).toEqual([-9n, 1n, 2n]);
    expect(n({ gte: 7, lte: 7 })).toEqual([3n]);
    expect(n({ gt: 7, lt: 7 })).toEqual([]);
    expect(n({ gte: 7, lt: 7 })).toEqual([]);
    expect(n({ gt: -5.5, lt: -4.5 })).toEqual([1n]);
    expect(n({ gt: -0.5, lte: 0.5 })).toEqual([2n]);
    expect(n({ gt: 2 ** 60 })).toEqual([5n]);
    expect(n({ lte: 2 ** 60 })).toEqual([-9n, 1n, 2n, 3n]);
    expect(n({ gte: -(2 ** 63) })).toEqual([-9n, 1n, 2n, 3n, 5n]);
    expect(n({ lt: -(2 ** 63) })).toEqual([]);
    expect(n({ lte: Number.NEGATIVE_INFINITY })).toEqual([]);
    expect(n({ lt: Number.POSITIVE_INFINITY, gt: Number.NEGATIVE_INFINITY })).toEqual([-9n, 1n, 2n, 3n, 5n]);
    expect(n({ gt: Number.NaN })).toEqual([]);
    expect(n({})).toEqual([-9n, 1n, 2n, 3n, 5n]);
  });

  it('answers DOUBLE ranges with each bound kind, -0 equal to 0', () => {
    const store = fixture();
    const price = (bounds: Parameters<typeof range>[1]) => idsOf(store, must(range('price', bounds)));
    expect(price({ gt: -2.5 })).toEqual([-9n, 2n, 3n, 5n]);
    expect(price({ gte: -2.5 })).toEqual([-9n, 1n, 2n, 3n, 5n]);
    expect(price({ lt: -1 })).toEqual([1n]);
    expect(price({ lte: -1 })).toEqual([-9n, 1n]);
    expect(price({ gt: 0 })).toEqual([3n, 5n]);
    expect(price({ gte: 0 })).toEqual([2n, 3n, 5n]);
    expect(price({ lte: -0 })).toEqual([-9n, 1n, 2n]);
    expect(price({ gte: 10.25, lte: 10.25 })).toEqual([3n]);
    expect(price({ gt: 10.25, lte: 10.25 })).toEqual([]);
    expect(price({ gt: -3, lt: -2 })).toEqual([1n]);
    expect(price({ gt: 1e299 })).toEqual([5n]);
    expect(price({ lt: Number.NaN })).toEqual([]);
    expect(price({ gt: Number.POSITIVE_INFINITY })).toEqual([]);
  });

  it('selects rows by id, ignoring ids not held', () => {
    const store = fixture();
    expect(idsOf(store, must({ hasId: idBytes([4n, 1n, 99n, -9n]) }))).toEqual([-9n, 1n, 4n]);
    expect(idsOf(store, must({ hasId: idBytes([]) }))).toEqual([]);
  });

  it('finds rows without a value, JSON fields included', () => {
    const store = fixture();
    expect(idsOf(store, must({ isMissing: 'color' }))).toEqual([4n]);
    expect(idsOf(store, must({ isMissing: 'doc' }))).toEqual([-9n, 2n, 4n]);
  });

  it('never matches a row without a value, and must_not is the complement', () => {
    const store = fixture();
    expect(idsOf(store, { mustNot: [keyword('color', 'red')] })).toEqual([-9n, 2n, 3n, 4n]);
    expect(idsOf(store, { mustNot: [range('n', { gte: 0 })] })).toEqual([-9n, 1n, 4n]);
    expect(idsOf(store, { mustNot: [{ isMissing: 'n' }] })).toEqual([-9n, 1n, 2n, 3n, 5n]);
  });

  it('combines must, should and must_not, nested to any depth', () => {
    const store = fixture();
    expect(
      idsOf(store, { must: [keyword('tags', 'a')], should: [bools('flag', false), range('n', { lt: -10 })] }),
    ).toEqual([-9n, 5n]);
    expect(
      idsOf(store, {
        should: [keyword('color', 'red'), { isMissing: 'color' }],
        mustNot: [int64s('n', '-5')],
      }),
    ).toEqual([4n, 5n]);
    const redOrBlue: FilterInput = { should: [keyword('color', 'red'), keyword('color', 'blue')] };
    expect(idsOf(store, { must: [{ nested: redOrBlue }, bools('flag', true)] })).toEqual([1n, 3n]);
    expect(idsOf(store, { mustNot: [{ nested: redOrBlue }] })).toEqual([-9n, 2n, 4n]);
    expect(
      idsOf(store, { must: [{ nested: { mustNot: [{ nested: { must: [keyword('tags', 'b')] } }] } }] }),
    ).toEqual([-9n, 3n, 4n, 5n]);
    // An empty nested filter admits every row.
    expect(idsOf(store, { must: [{ nested: {} }] })).toEqual([-9n, 1n, 2n, 3n, 4n, 5n]);
  });

  it('takes decoded conditions with the oneof discriminator set', () => {
    const store = fixture();
    const decoded = {
      must: [
        { condition: 'match' as const, match: { field: 'color', keywords: ['red'], int64s: [], bools: [] } },
        { condition: 'range' as const, range: { field: 'price', gt: 0, _gt: 'gt' as const } },
      ],
      should: [],
      mustNot: [],
    };
    expect(idsOf(store, decoded)).toEqual([5n]);
  });

  it('refuses conditions on unknown fields or fields of the wrong type, naming the field', () => {
    const store = fixture();
    const refusal = (condition: ConditionInput) => refusalOf(() => store.match(must(condition)));
    expect(refusal(keyword('size', 'x'))).toEqual(invalid(/unknown field "size"/));
    expect(refusal({ isMissing: 'size' })).toEqual(invalid(/unknown field "size"/));
    expect(refusal(range('color', { gt: 1 }))).toEqual(invalid(/field "color" is keyword: range needs/));
    expect(refusal(keyword('price', '1'))).toEqual(invalid(/field "price" is double: match needs/));
    expect(refusal(keyword('doc', '1'))).toEqual(invalid(/field "doc" is json: match needs/));
    expect(refusal(int64s('color', '1'))).toEqual(invalid(/field "color" is keyword: match gives it int64s/));
    expect(refusal(keyword('n', '1'))).toEqual(invalid(/field "n" is int64: match gives it keywords/));
    expect(refusal(bools('tags', true))).toEqual(invalid(/field "tags" is keywords: match gives it bools/));
    expect(refusal(int64s('n', '1.5'))).toEqual(invalid(/field "n" gives "1.5", not an int64/));
    expect(refusal(int64s('n', ''))).toEqual(invalid(/field "n" gives "", not an int64/));
    expect(refusal(int64s('n', (2n ** 63n).toString()))).toEqual(invalid(/outside int64/));
    expect(refusal({ hasId: Buffer.alloc(7) })).toEqual(invalid(/has_id holds 7 bytes/));
    expect(refusal({})).toEqual(invalid(/exactly one of/));
    expect(refusal({ isMissing: 'n', match: { field: 'n' } })).toEqual(invalid(/exactly one of/));
    expect(refusal({ condition: 'range', isMissing: 'n' })).toEqual(invalid(/exactly one of/));
  });

  it('refuses filters nested past the depth limit', () => {
    const store = fixture();
    let filter: FilterInput = { must: [keyword('color', 'red')] };
    for (let depth = 1; depth < 16; depth++) filter = { must: [{ nested: filter }] };
    expect(idsOf(store, filter)).toEqual([1n, 5n]);
    expect(refusalOf(() => store.match({ must: [{ nested: filter }] }))).toEqual(
      invalid(/deeper than 16 levels/),
    );
  });
});

describe('FieldStore rows', () => {
  it('replaces a whole row on upsert, updating every index', () => {
    const store = fixture();
    upsertRow(store, 1n, 2, { color: 'blue', tags: ['z'], n: 100n });
    expect(store.size).toBe(6);
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([5n]);
    expect(idsOf(store, must(keyword('color', 'blue')))).toEqual([1n, 3n]);
    expect(idsOf(store, must(keyword('tags', 'a')))).toEqual([-9n, 5n]);
    expect(idsOf(store, must(keyword('tags', 'b')))).toEqual([2n]);
    expect(idsOf(store, must(keyword('tags', 'z')))).toEqual([1n]);
    expect(idsOf(store, must(int64s('n', '-5')))).toEqual([]);
    expect(idsOf(store, must(range('n', { gte: 100 })))).toEqual([1n, 5n]);
    expect(idsOf(store, must(range('price', { lt: -2 })))).toEqual([]);
    expect(idsOf(store, must({ isMissing: 'price' }))).toEqual([1n, 4n]);
    expect(idsOf(store, must(bools('flag', true)))).toEqual([-9n, 3n]);
    expect(store.listOf(1n)).toBe(2);
  });

  it('keeps the last row of an id repeated in one batch', () => {
    const store = new FieldStore(SCHEMA);
    const ids = BigInt64Array.of(7n, 8n, 7n);
    store.upsert(
      ids,
      [0, 1, 2],
      columnsOf(SCHEMA, [{ color: 'red' }, { color: 'green' }, { color: 'blue' }]),
    );
    expect(store.size).toBe(2);
    expect(store.listOf(7n)).toBe(2);
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([]);
    expect(idsOf(store, must(keyword('color', 'blue')))).toEqual([7n]);
    expect(store.read(BigInt64Array.of(7n), ['color'])[0].values).toEqual(['blue']);
  });

  it('removes rows from every index and reports how many were held', () => {
    const store = fixture();
    expect(store.remove(BigInt64Array.of(1n, 42n, 1n, 5n))).toBe(2);
    expect(store.size).toBe(4);
    expect(idsOf(store, undefined)).toEqual([-9n, 2n, 3n, 4n]);
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([]);
    expect(idsOf(store, must(keyword('tags', 'a')))).toEqual([-9n]);
    expect(idsOf(store, must(range('n', { gte: -5 })))).toEqual([2n, 3n]);
    expect(idsOf(store, must({ hasId: idBytes([1n, 2n]) }))).toEqual([2n]);
    expect(idsOf(store, { mustNot: [keyword('color', 'blue')] })).toEqual([-9n, 2n, 4n]);
    expect(store.listOf(1n)).toBeUndefined();
    expect(store.has(1n)).toBe(false);
    expect(store.has(2n)).toBe(true);
  });

  it('reuses a removed row for a new id without carrying its values over', () => {
    const store = fixture();
    store.remove(BigInt64Array.of(1n));
    upsertRow(store, 77n, 0, { n: 3n });
    expect(store.size).toBe(6);
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([5n]);
    expect(idsOf(store, must({ isMissing: 'color' }))).toEqual([4n, 77n]);
    expect(idsOf(store, must(range('n', { gt: -6, lt: 4 })))).toEqual([2n, 77n]);
    expect(idsOf(store, must(range('price', { lt: -2 })))).toEqual([]);
  });

  it('reads values in the requested order, ids not held as missing', () => {
    const store = fixture();
    const ids = BigInt64Array.of(5n, 42n, 4n, 1n);
    const [doc, tags, n, flag, price, color] = store.read(ids, [
      'doc',
      'tags',
      'n',
      'flag',
      'price',
      'color',
    ]);
    const values = (column: typeof doc) => [0, 1, 2, 3].map((i) => valueAt(column, i));
    expect(values(doc)).toEqual(['null', undefined, undefined, '{"a":1}']);
    expect(values(tags)).toEqual([['c', 'a'], undefined, undefined, ['a', 'b']]);
    expect(values(n)).toEqual([BIG, undefined, undefined, -5n]);
    expect(values(flag)).toEqual([false, undefined, undefined, true]);
    expect(values(price)).toEqual([1e300, undefined, undefined, -2.5]);
    expect(values(color)).toEqual(['red', undefined, undefined, 'red']);
    expect(color.missing).toEqual(Uint8Array.of(0b0110));
    expect(color.values).toEqual(['red', '', '', 'red']);
    expect(refusalOf(() => store.read(ids, ['size']))).toEqual(invalid(/unknown field "size"/));
  });

  it('stores a KEYWORDS set without repeats and keeps -0 apart from 0', () => {
    const store = new FieldStore(SCHEMA);
    upsertRow(store, 1n, 0, { tags: ['x', 'y', 'x'], price: -0 });
    const [tags, price] = store.read(BigInt64Array.of(1n), ['tags', 'price']);
    expect(tags.values).toEqual([['x', 'y']]);
    expect(Object.is(price.values[0], -0)).toBe(true);
    upsertRow(store, 1n, 0, { tags: ['y'], price: 0 });
    expect(idsOf(store, must(keyword('tags', 'x')))).toEqual([]);
    expect(Object.is(store.read(BigInt64Array.of(1n), ['price'])[0].values[0], 0)).toBe(true);
  });

  it('counts matches per list', () => {
    const store = fixture();
    expect(store.match(undefined).countByList()).toEqual(
      new Map([
        [0, 2],
        [1, 2],
        [2, 2],
      ]),
    );
    const red = store.match(must(keyword('color', 'red')));
    expect(red.count).toBe(2);
    expect(red.countByList()).toEqual(
      new Map([
        [0, 1],
        [2, 1],
      ]),
    );
    expect(red.has(5n)).toBe(true);
    expect(red.has(2n)).toBe(false);
    expect(red.has(42n)).toBe(false);
  });

  it('counts lists outside 0..2^20 too', () => {
    const store = fixture();
    upsertRow(store, 10n, 3_000_000, { color: 'red' });
    upsertRow(store, 11n, -4, { color: 'red' });
    expect(store.match(must(keyword('color', 'red'))).countByList()).toEqual(
      new Map([
        [0, 1],
        [2, 1],
        [3_000_000, 1],
        [-4, 1],
      ]),
    );
  });

  it('lists the ids stored in one list, ascending', () => {
    const store = fixture();
    expect([...store.rowsOfList(2)]).toEqual([-9n, 5n]);
    expect([...store.rowsOfList(7)]).toEqual([]);
    upsertRow(store, 5n, 0, {});
    expect([...store.rowsOfList(2)]).toEqual([-9n]);
    expect([...store.rowsOfList(0)]).toEqual([1n, 2n, 5n]);
  });

  it('pages through matches by ascending id', () => {
    const store = new FieldStore(SCHEMA);
    const ids = Array.from({ length: 1000 }, (_, i) => BigInt((i * 7919) % 1000) * 3n - 1500n);
    store.upsert(
      BigInt64Array.from(ids),
      ids.map(() => 0),
      columnsOf(
        SCHEMA,
        ids.map((id) => ({ flag: id % 2n === 0n })),
      ),
    );
    const even = store.match(must(bools('flag', true)));
    const expected = ids.filter((id) => id % 2n === 0n).sort((a, b) => (a < b ? -1 : 1));
    const pages: bigint[][] = [];
    let after: bigint | undefined;
    for (;;) {
      const page = [...even.idsAfter(after, 7)];
      if (page.length === 0) break;
      pages.push(page);
      after = page[page.length - 1];
    }
    expect(pages.flat()).toEqual(expected);
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(expected.length).toBe(500);
    expect([...even.idsAfter(0n, 3)]).toEqual([6n, 12n, 18n]);
    expect([...even.idsAfter(-1500n, 1)]).toEqual([-1494n]);
    expect([...even.idsAfter(-1501n, 2)]).toEqual([-1500n, -1494n]);
    expect([...even.idsAfter(2n ** 62n, 10)]).toEqual([]);
    expect([...even.idsAfter(undefined, 0)]).toEqual([]);
    expect([...even.idsAfter(undefined, 100_000)]).toEqual(expected);
  });

  it('forgets everything on clear', () => {
    const store = fixture();
    store.clear();
    expect(store.size).toBe(0);
    expect(idsOf(store, undefined)).toEqual([]);
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([]);
    upsertRow(store, 1n, 0, { color: 'red', n: 1n });
    expect(idsOf(store, must(keyword('color', 'red')))).toEqual([1n]);
    expect(idsOf(store, must(range('n', { gte: 1 })))).toEqual([1n]);
  });

  it('refuses batches that do not fit the schema', () => {
    const store = new FieldStore(SCHEMA);
    const columns = columnsOf(SCHEMA, [{}]);
    expect(() => store.upsert(BigInt64Array.of(1n), [0, 1], columns)).toThrow(/1 ids but 2 lists/);
    expect(() => store.upsert(BigInt64Array.of(1n), [0], columns.slice(1))).toThrow(/5 field columns/);
    expect(() =>
      store.upsert(BigInt64Array.of(1n), [0], [columns[1], columns[0], ...columns.slice(2)]),
    ).toThrow(/column "tags"/);
    expect(() => store.upsert(BigInt64Array.of(1n, 2n), [0, 0], columns)).toThrow(/1 values for 2 rows/);
    expect(() => new FieldStore([SCHEMA[0], SCHEMA[0]])).toThrow(/appears twice/);
    expect(store.size).toBe(0);
    store.upsert(new BigInt64Array(0), [], columnsOf(SCHEMA, []));
    expect(store.remove(new BigInt64Array(0))).toBe(0);
    expect(store.size).toBe(0);
  });
});
