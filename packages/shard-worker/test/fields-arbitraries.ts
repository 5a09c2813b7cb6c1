import type { FieldSpec } from '@vecshard/proto';
import fc from 'fast-check';
import type { ConditionInput, FilterInput } from '../src/fields/filter-input.js';
import { idBytes, type RowValues } from './fields-model.js';

/** Random rows and filters over one schema, from small domains so values and ids collide often. */
export const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'tags', type: 'keywords' },
  { name: 'n', type: 'int64' },
  { name: 'price', type: 'double' },
  { name: 'flag', type: 'bool' },
  { name: 'doc', type: 'json' },
];

const COLORS = ['red', 'green', 'blue', '', 'Ü'];
const TAGS = ['a', 'b', 'c', 'd'];
/** Int64s around zero and where doubles stop being exact (2^53, 2^60 and 2^60 + 1 share a key). */
const INT64S = [
  ...[-3n, -2n, -1n, 0n, 1n, 2n, 3n],
  2n ** 53n,
  2n ** 53n + 1n,
  2n ** 60n,
  2n ** 60n + 1n,
  -(2n ** 63n),
  2n ** 63n - 1n,
];
const DOUBLES = [
  -2.5,
  -1,
  -0,
  0,
  0.5,
  1,
  1.5,
  3,
  1e300,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];
const BOUNDS = [
  ...[-3, -2.5, -1, -0, 0, 0.5, 1, 1.5, 3],
  2 ** 53,
  2 ** 60,
  -(2 ** 63),
  2 ** 63,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];

export const idArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }).map(BigInt) },
  fc.constantFrom(-1n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, 1n << 32n, (1n << 32n) + 1n),
);

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 });

export const rowArb: fc.Arbitrary<RowValues> = fc.record({
  color: maybe(fc.constantFrom(...COLORS)),
  tags: maybe(fc.array(fc.constantFrom(...TAGS), { maxLength: 4 })),
  n: maybe(fc.constantFrom(...INT64S)),
  price: maybe(fc.constantFrom(...DOUBLES)),
  flag: maybe(fc.boolean()),
  doc: maybe(fc.constantFrom('{}', '[1]')),
});

export type Operation =
  | { kind: 'upsert'; rows: { id: bigint; list: number; values: RowValues }[] }
  | { kind: 'remove'; ids: bigint[] };

export const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('upsert' as const),
      rows: fc.array(fc.record({ id: idArb, list: fc.integer({ min: 0, max: 3 }), values: rowArb }), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
  },
  fc.record({ kind: fc.constant('remove' as const), ids: fc.array(idArb, { maxLength: 6 }) }),
);

const boundArb = maybe(fc.oneof(fc.constantFrom(...BOUNDS), fc.integer({ min: -4, max: 4 })));
const rangeBoundsArb = fc.record({ gt: boundArb, gte: boundArb, lt: boundArb, lte: boundArb });

/** One leaf condition (no nesting), of every kind, on a field of the right type. */
const leafArb: fc.Arbitrary<ConditionInput> = fc.oneof(
  fc.subarray([...COLORS, 'zz']).map((keywords) => ({ match: { field: 'color', keywords } })),
  fc.subarray([...TAGS, 'zz']).map((keywords) => ({ match: { field: 'tags', keywords } })),
  fc.subarray(INT64S).map((values) => ({ match: { field: 'n', int64s: values.map(String) } })),
  fc.subarray([true, false]).map((bools) => ({ match: { field: 'flag', bools } })),
  rangeBoundsArb.map((bounds) => ({ range: { field: 'n', ...bounds } })),
  rangeBoundsArb.map((bounds) => ({ range: { field: 'price', ...bounds } })),
  fc.array(idArb, { maxLength: 5 }).map((ids) => ({ hasId: idBytes(ids) })),
  fc.constantFrom(...SCHEMA.map((spec) => spec.name)).map((field) => ({ isMissing: field })),
);

/** Filters with must / should / must_not lists and nested filters up to three levels. */
export const filterArb: fc.Arbitrary<FilterInput> = fc.letrec<{
  filter: FilterInput;
  condition: ConditionInput;
}>((tie) => ({
  filter: fc.record({
    must: fc.array(tie('condition'), { maxLength: 3 }),
    should: fc.array(tie('condition'), { maxLength: 3 }),
    mustNot: fc.array(tie('condition'), { maxLength: 2 }),
  }),
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 3, depthIdentifier: 'filter', withCrossShrink: true },
    leafArb,
    tie('filter').map((nested) => ({ nested })),
  ),
})).filter;
