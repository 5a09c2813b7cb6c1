import { describe, expect, it } from 'vitest';
import { KeywordSets } from '../src/fields/keyword-sets.js';
import { sortPairsByKey } from '../src/fields/pair-sort.js';
import {
  changePosting,
  LargePosting,
  type Posting,
  postingSize,
  postingSlots,
} from '../src/fields/posting-list.js';
import { doubleInterval, int64Interval, nextDown, nextUp } from '../src/fields/range-bounds.js';
import { RowSlots } from '../src/fields/row-slots.js';
import { SlotBitmap } from '../src/fields/slot-bitmap.js';
import { sortedIdsOf } from '../src/fields/sorted-ids.js';
import { int64Words } from '../src/fields/word-order.js';

/** A small deterministic generator (mulberry32), so failures replay. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SlotBitmap', () => {
  it('sets, tests and clears slots across word boundaries', () => {
    const bits = new SlotBitmap(10);
    for (const slot of [0, 31, 32, 63, 1000]) expect(bits.add(slot)).toBe(true);
    expect(bits.add(31)).toBe(false);
    expect(bits.count()).toBe(5);
    expect([...bits.toSlots()]).toEqual([0, 31, 32, 63, 1000]);
    expect(bits.has(31)).toBe(true);
    expect(bits.has(30)).toBe(false);
    expect(bits.has(5000)).toBe(false);
    expect(bits.delete(31)).toBe(true);
    expect(bits.delete(31)).toBe(false);
    expect(bits.delete(5000)).toBe(false);
    const visited: number[] = [];
    bits.forEach((slot) => {
      visited.push(slot);
    });
    expect(visited).toEqual([0, 32, 63, 1000]);
  });

  it('combines bitmaps of different lengths', () => {
    const short = SlotBitmap.of([1, 31, 40]);
    const long = SlotBitmap.of([1, 40, 500, 999]);
    expect([...short.clone().and(long).toSlots()]).toEqual([1, 40]);
    expect([...long.clone().and(short).toSlots()]).toEqual([1, 40]);
    expect([...short.clone().or(long).toSlots()]).toEqual([1, 31, 40, 500, 999]);
    expect([...short.clone().andNot(long).toSlots()]).toEqual([31]);
    expect([...long.clone().andNot(short).toSlots()]).toEqual([500, 999]);
    expect(new SlotBitmap(100).isEmpty()).toBe(true);
    expect(short.isEmpty()).toBe(false);
    const copy = short.clone();
    copy.add(7);
    expect(short.has(7)).toBe(false);
  });
});

describe('postings', () => {
  const extent = 100_000; // arrays up to 1562 slots, bitmaps beyond, arrays again under 781
  const range = (from: number, to: number, step = 1) =>
    Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);

  it('take the cheapest form for their size, both ways', () => {
    let posting: Posting | undefined = changePosting(undefined, [], [5], extent);
    expect(posting).toBe(5);
    posting = changePosting(posting, [], [3, 9], extent);
    expect(posting).toEqual([3, 5, 9]);
    posting = changePosting(posting, [5], range(100, 200), extent);
    expect(posting).toBeInstanceOf(Int32Array);
    expect(postingSize(posting)).toBe(102);
    expect([...postingSlots(posting)]).toEqual([3, 9, ...range(100, 200)]);
    posting = changePosting(posting, [], range(1000, 5000), extent);
    expect(posting).toBeInstanceOf(LargePosting);
    expect(postingSize(posting)).toBe(4102);
    expect([...postingSlots(posting)]).toEqual([3, 9, ...range(100, 200), ...range(1000, 5000)]);
    // Stays a bitmap a little under the limit (no flapping), back to an array under half of it.
    posting = changePosting(posting, range(1000, 3500), [], extent);
    expect(posting).toBeInstanceOf(LargePosting);
    posting = changePosting(posting, range(3500, 4500), [], extent);
    expect(posting).toBeInstanceOf(Int32Array);
    expect([...postingSlots(posting)]).toEqual([3, 9, ...range(100, 200), ...range(4500, 5000)]);
    posting = changePosting(posting, [3, 9, ...range(100, 200), ...range(4500, 4999)], [], extent);
    expect(posting).toBe(4999);
    expect(changePosting(posting, [4999], [], extent)).toBeUndefined();
  });

  it('apply removes before adds, and ignore slots they do not hold', () => {
    expect(changePosting([1, 2, 3], [2, 7], [2, 4], extent)).toEqual([1, 2, 3, 4]);
    const counted = changePosting(undefined, [], range(0, 200, 2), extent);
    const edited = changePosting(counted, [0, 1, 4], [0, 3, 5], extent);
    expect([...postingSlots(edited)]).toEqual([0, 2, 3, 5, ...range(6, 200, 2)]);
    const large = changePosting(undefined, [], range(0, 8000, 2), extent) as LargePosting;
    const after = changePosting(large, [0, 1], [0, 3], extent) as LargePosting;
    expect(after.size).toBe(4001);
    expect(after.bits.has(0)).toBe(true);
    expect(after.bits.has(1)).toBe(false);
    expect(after.bits.has(3)).toBe(true);
  });

  it('agree with a Set through random batches of every size, in every form', () => {
    const next = random(11);
    const extent = 20_000; // bitmaps past 312 slots
    const forms = new Set<string>();
    const formOf = (posting: Posting | undefined) =>
      posting === undefined ? 'none' : typeof posting === 'number' ? 'one' : posting.constructor.name;
    const ascending = (slots: Iterable<number>) => [...new Set(slots)].sort((a, b) => a - b);
    for (let round = 0; round < 20; round++) {
      let posting: Posting | undefined;
      const model = new Set<number>();
      for (let batch = 0; batch < 60; batch++) {
        const spread = Math.floor(next() * 2000) + 1;
        const changes = Math.floor(next() * (next() < 0.5 ? 12 : 400));
        const held = ascending(model);
        // Now and then empty the posting, or leave one slot, so every form and transition comes up.
        const emptying = next();
        const removes =
          emptying < 0.1
            ? held.slice(emptying < 0.05 ? 0 : 1)
            : ascending(
                Array.from(
                  { length: Math.min(changes, held.length) },
                  () => held[Math.floor(next() * held.length)],
                ),
              );
        for (const slot of removes) model.delete(slot);
        const addCount = emptying < 0.1 ? 0 : changes * (next() < 0.6 ? 2 : 1);
        const adds = ascending(Array.from({ length: addCount }, () => Math.floor(next() * spread))).filter(
          (slot) => !model.has(slot),
        );
        for (const slot of adds) model.add(slot);
        posting = changePosting(posting, removes, adds, extent);
        forms.add(formOf(posting));
        expect(postingSize(posting)).toBe(model.size);
        expect([...postingSlots(posting)]).toEqual(ascending(model));
      }
    }
    expect([...forms].sort()).toEqual(['Array', 'Int32Array', 'LargePosting', 'none', 'one']);
  });
});

describe('RowSlots', () => {
  it('agrees with a Map through many inserts and removes, colliding ids included', () => {
    const slots = new RowSlots();
    const model = new Map<bigint, number>();
    const next = random(7);
    // Ids differing only in the high word, negative ids and the int64 extremes.
    const idAt = (k: number) => {
      const pick = k % 5;
      if (pick === 0) return BigInt(k);
      if (pick === 1) return BigInt(k) << 32n;
      if (pick === 2) return -BigInt(k) - 1n;
      if (pick === 3) return (2n ** 63n - 1n - BigInt(k)) * (k % 2 === 0 ? 1n : -1n);
      return BigInt(k) * 0x1_0000_0001n;
    };
    for (let step = 0; step < 20_000; step++) {
      const id = idAt(Math.floor(next() * 3000));
      if (next() < 0.6) {
        const { low, high } = int64Words(id);
        const slot = slots.occupy(low, high, step);
        if (model.has(id)) expect(slot).toBe(model.get(id));
        model.set(id, slot);
      } else if (model.has(id)) {
        slots.release(model.get(id)!);
        model.delete(id);
      }
    }
    expect(slots.size).toBe(model.size);
    for (let k = 0; k < 3000; k++) expect(slots.slotOf(idAt(k))).toBe(model.get(idAt(k)) ?? -1);
    for (const [id, slot] of model) expect(slots.idAt(slot)).toBe(id);
    expect(new Set(model.values()).size).toBe(model.size);
  });

  it('reuses freed slots rather than growing', () => {
    const slots = new RowSlots();
    const occupy = (id: bigint) => {
      const { low, high } = int64Words(id);
      return slots.occupy(low, high, 0);
    };
    for (let id = 0n; id < 100n; id++) occupy(id);
    expect(slots.extent).toBe(100);
    slots.release(slots.slotOf(10n));
    slots.release(slots.slotOf(20n));
    const reused = [occupy(1000n), occupy(1001n)].sort((a, b) => a - b);
    expect(reused).toEqual([10, 20]);
    expect(slots.extent).toBe(100);
    expect(occupy(1002n)).toBe(100);
    expect([...slots.idsAt([10, 20, 100])].sort()).toEqual([1000n, 1001n, 1002n]);
  });
});

describe('sortPairsByKey', () => {
  for (const n of [12, 5000]) {
    it(`orders ${n} pairs by key, -0 before +0, slots following their keys`, () => {
      const next = random(n);
      const special = [
        -0,
        0,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.MIN_VALUE,
        -Number.MAX_VALUE,
        2 ** 60,
      ];
      const keys = Float64Array.from({ length: n }, (_, i) =>
        i < special.length ? special[i] : Math.round((next() - 0.5) * 200) / (next() < 0.5 ? 1 : 7),
      );
      const slots = Int32Array.from({ length: n }, (_, i) => i);
      const original = [...keys];
      sortPairsByKey(keys, slots, n);
      for (let i = 0; i < n; i++) expect(Object.is(keys[i], original[slots[i]])).toBe(true);
      for (let i = 1; i < n; i++) {
        const ordered =
          keys[i - 1] < keys[i] ||
          (keys[i - 1] === keys[i] && !(Object.is(keys[i - 1], 0) && Object.is(keys[i], -0)));
        expect(ordered).toBe(true);
      }
      expect(new Set(slots).size).toBe(n);
    });
  }
});

describe('sortedIdsOf', () => {
  for (const n of [100, 20_000]) {
    it(`sorts ${n} ids as int64s and pages above a bound`, () => {
      const next = random(n);
      const extremes = [-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n, 1n, 2n ** 32n, -(2n ** 32n), 2n ** 31n];
      const ids = BigInt64Array.from({ length: n }, (_, i) =>
        i < extremes.length
          ? extremes[i]
          : BigInt(Math.floor((next() - 0.5) * 2 ** 52)) * BigInt(1 + (i % 3) * 4093),
      );
      const slots = Int32Array.from({ length: n }, (_, i) => i);
      const idWords = new Uint32Array(ids.buffer);
      const expected = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect([...sortedIdsOf(idWords, slots)]).toEqual(expected);
      for (const after of [-(2n ** 63n), -1n, 0n, expected[n >> 1], 2n ** 63n - 1n]) {
        expect([...sortedIdsOf(idWords, slots, after, 50)]).toEqual(
          expected.filter((id) => id > after).slice(0, 50),
        );
      }
    });
  }
});

describe('range bounds', () => {
  it('turn int64 bounds into closed intervals, exactly', () => {
    expect(int64Interval({ gt: 2.5 })).toEqual({ low: 3n, high: 2n ** 63n - 1n });
    expect(int64Interval({ gt: 2 })).toEqual({ low: 3n, high: 2n ** 63n - 1n });
    expect(int64Interval({ gte: -2.5, lt: -0.5 })).toEqual({ low: -2n, high: -1n });
    expect(int64Interval({ lte: -0.5 })).toEqual({ low: -(2n ** 63n), high: -1n });
    expect(int64Interval({ gte: 5, lte: 5 })).toEqual({ low: 5n, high: 5n });
    expect(int64Interval({ gt: 5, lte: 5 })).toBeUndefined();
    expect(int64Interval({ gt: 2 ** 63 })).toBeUndefined();
    expect(int64Interval({ lt: -(2 ** 63) })).toBeUndefined();
    expect(int64Interval({ gte: Number.NaN })).toBeUndefined();
    expect(int64Interval({ gt: Number.NEGATIVE_INFINITY, lt: Number.POSITIVE_INFINITY })).toEqual({
      low: -(2n ** 63n),
      high: 2n ** 63n - 1n,
    });
  });

  it('turn double bounds into closed intervals', () => {
    expect(doubleInterval({ gt: 1 })).toEqual({ low: 1 + Number.EPSILON, high: Number.POSITIVE_INFINITY });
    expect(doubleInterval({ lt: 0 })).toEqual({ low: Number.NEGATIVE_INFINITY, high: -Number.MIN_VALUE });
    expect(doubleInterval({ gte: 2, lte: 2 })).toEqual({ low: 2, high: 2 });
    expect(doubleInterval({ gt: 2, lte: 2 })).toBeUndefined();
    expect(doubleInterval({ gt: Number.POSITIVE_INFINITY })).toBeUndefined();
    expect(doubleInterval({ lt: Number.NEGATIVE_INFINITY })).toBeUndefined();
    expect(doubleInterval({ lte: Number.NaN })).toBeUndefined();
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(Number.NEGATIVE_INFINITY)).toBe(-Number.MAX_VALUE);
  });
});

describe('KeywordSets', () => {
  it('keeps every set through growth, shrinking and repacking', () => {
    const sets = new KeywordSets();
    const model = new Map<number, number[]>();
    const next = random(3);
    sets.reserve(500);
    for (let step = 0; step < 30_000; step++) {
      const slot = Math.floor(next() * 500);
      const codes = Array.from({ length: Math.floor(next() * 9) }, () => Math.floor(next() * 1000));
      sets.set(slot, codes);
      model.set(slot, codes);
    }
    for (let slot = 0; slot < 500; slot++) expect([...sets.codesOf(slot)]).toEqual(model.get(slot) ?? []);
    sets.delete(3);
    expect([...sets.codesOf(3)]).toEqual([]);
  });
});
