import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldStore } from '../src/fields/field-store.js';
import type { FilterInput } from '../src/fields/filter-input.js';
import { filterArb, idArb, type Operation, operationArb, SCHEMA } from './fields-arbitraries.js';
import { columnsOf, ModelStore, valueAt } from './fields-model.js';

const RUNS = Number(process.env.VECSHARD_FUZZ_RUNS ?? 300);

function apply(store: FieldStore, model: ModelStore, operation: Operation): void {
  if (operation.kind === 'remove') {
    expect(store.remove(BigInt64Array.from(operation.ids))).toBe(model.remove(operation.ids));
    return;
  }
  const ids = operation.rows.map((row) => row.id);
  const lists = operation.rows.map((row) => row.list);
  const values = operation.rows.map((row) => row.values);
  store.upsert(BigInt64Array.from(ids), lists, columnsOf(SCHEMA, values));
  model.upsert(ids, lists, values);
}

/** The store answers the filter as the row-by-row model does, by every RowSet accessor. */
function expectSameMatches(
  store: FieldStore,
  model: ModelStore,
  filter: FilterInput,
  after: bigint,
  limit: number,
) {
  const expected = model.matching(filter);
  const matches = store.match(filter);
  expect([...matches.ids()]).toEqual(expected);
  expect(matches.count).toBe(expected.length);
  expect(matches.countByList()).toEqual(model.countByList(expected));
  expect([...matches.idsAfter(after, limit)]).toEqual(expected.filter((id) => id > after).slice(0, limit));
  for (const id of model.rows.keys()) expect(matches.has(id)).toBe(expected.includes(id));
}

/** Every stored value reads back as written (sets without repeats; -0 and NaN kept). */
function expectSameRows(store: FieldStore, model: ModelStore): void {
  const ids = [...model.rows.keys(), 999n];
  const columns = store.read(
    BigInt64Array.from(ids),
    SCHEMA.map((spec) => spec.name),
  );
  ids.forEach((id, i) => {
    const row = model.rows.get(id);
    for (const column of columns) {
      let expected = row?.values[column.name];
      if (Array.isArray(expected)) expected = [...new Set(expected)];
      const actual = valueAt(column, i);
      if (typeof expected === 'number') expect(Object.is(actual, expected)).toBe(true);
      else expect(actual).toEqual(expected);
    }
    expect(store.listOf(id)).toBe(row?.list);
  });
}

describe('FieldStore against a row-by-row model', () => {
  it('matches, counts, pages and reads the same after random upserts and removes', () => {
    fc.assert(
      fc.property(
        fc.array(operationArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(filterArb, idArb, fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 6 }),
        (operations, queries) => {
          const store = new FieldStore(SCHEMA);
          const model = new ModelStore();
          for (const operation of operations) apply(store, model, operation);
          expect(store.size).toBe(model.rows.size);
          for (const [filter, after, limit] of queries) expectSameMatches(store, model, filter, after, limit);
          expectSameRows(store, model);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
