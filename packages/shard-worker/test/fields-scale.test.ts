import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldStore } from '../src/fields/field-store.js';
import { filterArb, rowArb, SCHEMA } from './fields-arbitraries.js';
import { columnsOf, ModelStore } from './fields-model.js';

/**
 * Enough rows that postings become bitmaps and shrink back to arrays, the
 * numeric indexes merge their tails many times and KEYWORDS arenas repack:
 * the store must still answer exactly as the row-by-row model.
 */
describe('FieldStore at scale', () => {
  it('agrees with the model through bulk loads, churn and mass removal', () => {
    const store = new FieldStore(SCHEMA);
    const model = new ModelStore();
    const filters = fc.sample(filterArb, { seed: 42, numRuns: 40 });
    const rows = fc.sample(rowArb, { seed: 7, numRuns: 30_000 });
    let nextRow = 0;
    const upsert = (ids: bigint[]) => {
      const values = ids.map(() => rows[nextRow++ % rows.length]);
      const lists = ids.map((id) => Number(id & 15n));
      store.upsert(BigInt64Array.from(ids), lists, columnsOf(SCHEMA, values));
      model.upsert(ids, lists, values);
    };
    const remove = (ids: bigint[]) => {
      expect(store.remove(BigInt64Array.from(ids))).toBe(model.remove(ids));
    };
    const expectAgreement = () => {
      expect(store.size).toBe(model.rows.size);
      for (const filter of filters) {
        const matches = store.match(filter);
        const expected = model.matching(filter);
        expect(matches.count).toBe(expected.length);
        expect([...matches.ids()]).toEqual(expected);
        expect(matches.countByList()).toEqual(model.countByList(expected));
      }
    };
    // Spread-out ids, negative and past 2^32, so the id table sees every word.
    const idOf = (k: number) => ((BigInt(k) * 0x9e3779b97f4an) % 2n ** 62n) - 2n ** 61n;

    for (let batch = 0; batch < 20; batch++)
      upsert(Array.from({ length: 1000 }, (_, i) => idOf(batch * 1000 + i)));
    expectAgreement();

    // Churn: rewrite and remove rows all over the slot range.
    for (let round = 0; round < 10; round++) {
      upsert(Array.from({ length: 800 }, (_, i) => idOf((round * 7919 + i * 13) % 24_000)));
      remove(Array.from({ length: 500 }, (_, i) => idOf((round * 104_729 + i * 31) % 20_000)));
    }
    expectAgreement();

    // Remove nearly everything: bitmaps shrink back to arrays, removed slots are reused next.
    remove([...model.rows.keys()].filter((_, i) => i % 20 !== 0));
    expectAgreement();
    upsert(Array.from({ length: 3000 }, (_, i) => idOf(50_000 + i)));
    expectAgreement();
  });
});
