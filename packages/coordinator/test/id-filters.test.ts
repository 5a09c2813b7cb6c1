import { clusterKeys, openRedis } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../../test/helpers/cluster.js';
import { CollectionStore } from '../src/collection-store.js';
import {
  CHECK_BUDGET,
  FIRST_CAPACITY,
  FIRST_FALSE_POSITIVE,
  type FilterAnswer,
  IdFilters,
} from '../src/id-filters/id-filters.js';
import { WriteNumber } from '../src/write-sequence.js';

// The per-shard id filters in Redis: a write takes its sequence and sets its
// ids in one step, and names every other shard that may hold one of them;
// never a false negative, few false positives, whatever the number of ids.
let redis: RedisServer;
let connection: Redis;
const keys = clusterKeys('filters-test');
let filters: IdFilters;

beforeAll(async () => {
  redis = await startRedis();
  connection = openRedis(redis.url);
  filters = new IdFilters(connection, keys);
});
afterAll(async () => {
  connection?.disconnect();
  await redis?.stop();
});

/** A write's first attempt, routed by a placement of `shards` shards at epoch 0. */
const fresh = () =>
  new WriteNumber(() => Promise.reject(new Error('filter writes take their number in Redis')));
function routed(answer: FilterAnswer): { seq: number; holders?: number[] } {
  if (answer.kind !== 'routed') throw new Error(`not routed: ${answer.kind}`);
  return { seq: Number(answer.seq), holders: answer.holders };
}
const upsert = async (name: string, idList: BigInt64Array, shards: Int32Array, count: number) =>
  routed(await filters.upsert(name, idList, shards, { shards: count, epoch: 0 }, fresh()));
const remove = async (name: string, idList: BigInt64Array, count: number) =>
  routed(await filters.delete(name, idList, { shards: count, epoch: 0 }, fresh()));
const ids = (from: number, n: number) => BigInt64Array.from({ length: n }, (_, i) => BigInt(from + i));
const on = (shard: number, n: number) => new Int32Array(n).fill(shard);

it('names the shard of an earlier write of the same id, and takes increasing sequences', async () => {
  await filters.create('a', 4);
  const first = await upsert('a', ids(7, 1), on(2, 1), 4);
  expect(first.holders).toEqual([]);
  const again = await upsert('a', ids(7, 1), on(2, 1), 4);
  expect(again.holders).toEqual([]);
  expect(again.seq).toBe(first.seq + 1);
  const moved = await upsert('a', ids(7, 1), on(0, 1), 4);
  expect(moved.holders).toEqual([2]);
  const deleted = await remove('a', ids(7, 1), 4);
  expect(deleted.holders).toEqual([0, 2]);
  expect(deleted.seq).toBe(moved.seq + 1);
  // A delete of ids no write ever sent goes nowhere.
  expect((await remove('a', ids(1000, 5), 4)).holders).toEqual([]);
});

it('a batch looks only at the shards it does not store rows on', async () => {
  await filters.create('b', 3);
  await upsert('b', ids(0, 10), on(1, 10), 3);
  const shards = Int32Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : 2));
  // Shard 1 holds them all; shards 0 and 2 receive rows (and the batch's ids to replace) anyway.
  expect((await upsert('b', ids(0, 10), shards, 3)).holders).toEqual([1]);
});

it('grows by generations without a false negative, and keeps false positives rare', async () => {
  await filters.create('c', 2);
  const stored = 3 * FIRST_CAPACITY;
  for (let at = 0; at < stored; at += 4000) {
    const n = Math.min(4000, stored - at);
    await filters.add('c', 0, ids(at, n));
  }
  expect(Number(await connection.hget(keys.idFilters('c'), 'gens'))).toBeGreaterThanOrEqual(2);
  // Every id stored on shard 0 is named there, one at a time (batches are cut off by the budget).
  for (let at = 0; at < stored; at += 97) {
    expect((await upsert('c', ids(at, 1), on(1, 1), 2)).holders, `id ${at}`).toEqual([0]);
  }
  // Ids never stored: named on shard 0 about as often as the rate the generations add up to.
  let falsePositives = 0;
  const tries = 5000;
  for (let at = 0; at < tries; at += 1) {
    const { holders } = await remove('c', ids(10_000_000 + at * 7919, 1), 2);
    // Shard 1 received the single ids above: skip it.
    if (holders?.includes(0)) falsePositives++;
  }
  expect(falsePositives / tries).toBeLessThan(4 * FIRST_FALSE_POSITIVE);
});

it('a merge makes the target name every id of the source', async () => {
  await filters.create('d', 3);
  await filters.add('d', 0, ids(0, 2000));
  await filters.merge('d', 0, 2, 0);
  for (let at = 0; at < 2000; at += 37) {
    expect((await upsert('d', ids(at, 1), on(1, 1), 3)).holders).toEqual([0, 2]);
  }
  // A merge into a shard the placement did not have yet: the filters know of it.
  await filters.merge('d', 0, 5, 0);
  expect((await remove('d', ids(0, 1), 3)).holders).toEqual([0, 1, 2, 5]);
});

it('missing or unfilled filters, and batches over the budget, send a write to every shard', async () => {
  expect((await upsert('none', ids(1, 1), on(0, 1), 2)).holders).toBeUndefined();
  await filters.create('e', 2, 'building');
  expect((await upsert('e', ids(1, 1), on(0, 1), 2)).holders).toBeUndefined();
  await filters.markReady('e');
  // The write made while building was recorded.
  expect((await upsert('e', ids(1, 1), on(1, 1), 2)).holders).toEqual([0]);
  const rows = CHECK_BUDGET + 1;
  expect((await upsert('e', ids(100, rows), on(0, rows), 2)).holders).toBeUndefined();
  // Still recorded, though not looked up.
  expect((await remove('e', ids(150, 1), 2)).holders).toEqual([0]);
});

it('a batch larger than a script call sets its ids in chunks before taking its sequence', async () => {
  await filters.create('g', 2);
  const n = 10_000;
  const both = Int32Array.from({ length: n }, (_, i) => i % 2);
  // Rows on every shard: nothing to look up.
  const first = await upsert('g', ids(0, n), both, 2);
  expect(first.holders).toEqual([]);
  // Rows on one shard of two: too many to look up, so every shard.
  const second = await upsert('g', ids(n, n), on(0, n), 2);
  expect(second.holders).toBeUndefined();
  expect(second.seq).toBe(first.seq + 1);
  for (let id = 0; id < 2 * n; id += 101) {
    const shard = id < n ? id % 2 : 0;
    expect((await remove('g', ids(id, 1), 2)).holders, `id ${id}`).toContain(shard);
  }
});

it('a bulk fill (bitmaps OR-ed in) names every id it set, grows generations, keeps false positives rare', async () => {
  await filters.create('bulk', 3);
  // Larger than the first generation at once, then more on top: each fill makes room first.
  const n = 3 * FIRST_CAPACITY;
  const split = Int32Array.from({ length: n }, (_, i) => i % 2);
  expect((await upsert('bulk', ids(0, n), split, 3)).holders).toBeUndefined();
  await filters.add('bulk', 2, ids(n, n));
  expect(Number(await connection.hget(keys.idFilters('bulk'), 'gens'))).toBeGreaterThanOrEqual(3);
  for (let id = 0; id < 2 * n; id += 89) {
    const shard = id < n ? id % 2 : 2;
    expect((await remove('bulk', ids(id, 1), 3)).holders, `id ${id}`).toContain(shard);
  }
  // A single write after the bulk fill still finds the bulk-set id's shard (the script's own hashing).
  expect((await upsert('bulk', ids(5, 1), on(2, 1), 3)).holders).toEqual([1]);
  let falsePositives = 0;
  const tries = 3000;
  for (let at = 0; at < tries; at++) {
    const { holders } = await remove('bulk', ids(50_000_000 + at * 7919, 1), 3);
    if (holders?.includes(0)) falsePositives++;
  }
  expect(falsePositives / tries).toBeLessThan(4 * FIRST_FALSE_POSITIVE);
});

it('a write sent again keeps its sequence, and sets its ids where it is routed now', async () => {
  await filters.create('h', 3);
  const number = fresh();
  const first = routed(await filters.upsert('h', ids(1, 1), on(0, 1), { shards: 3, epoch: 0 }, number));
  expect(number.seq).toBe(String(first.seq));
  const again = routed(await filters.upsert('h', ids(1, 1), on(2, 1), { shards: 3, epoch: 0 }, number));
  expect(again.seq).toBe(first.seq);
  expect(again.holders).toEqual([0]);
  // The next write takes the next number: the retry took none.
  expect((await upsert('h', ids(2, 1), on(0, 1), 3)).seq).toBe(first.seq + 1);
  expect((await remove('h', ids(1, 1), 3)).holders).toEqual([0, 2]);
});

it('after a merge, writes storing rows on the old owner routed below its floor are sent back', async () => {
  await filters.create('i', 2);
  await upsert('i', ids(1, 1), on(0, 1), 2);
  await filters.merge('i', 0, 1, 7);
  const before = await connection.get(keys.writeSequence('i'));
  const stale = await filters.upsert('i', ids(2, 1), on(0, 1), { shards: 2, epoch: 6 }, fresh());
  expect(stale).toEqual({ kind: 'stale', shard: 0, floor: 7 });
  // Nothing was taken or set.
  expect(await connection.get(keys.writeSequence('i'))).toBe(before);
  expect((await remove('i', ids(2, 1), 2)).holders).toEqual([]);
  // Routed by the placement after the move, or to the shard that took the lists: as usual.
  expect((await filters.upsert('i', ids(2, 1), on(0, 1), { shards: 2, epoch: 7 }, fresh())).kind).toBe(
    'routed',
  );
  expect((await filters.upsert('i', ids(3, 1), on(1, 1), { shards: 2, epoch: 1 }, fresh())).kind).toBe(
    'routed',
  );
});

it('a write begun before the filters were made anew is not carried on under the new ones', async () => {
  await filters.create('j', 2);
  const number = fresh();
  await filters.upsert('j', ids(1, 1), on(0, 1), { shards: 2, epoch: 0 }, number);
  await filters.create('j', 2, 'building');
  expect(await filters.upsert('j', ids(1, 1), on(0, 1), { shards: 2, epoch: 0 }, number)).toEqual({
    kind: 'remade',
  });
  // A delete sent again looks at the filters as they are.
  expect((await filters.delete('j', ids(1, 1), { shards: 2, epoch: 0 }, number)).kind).toBe('routed');
});

it('dropping the collection deletes its filters', async () => {
  const store = new CollectionStore(connection, keys);
  await filters.create('f', 2);
  await upsert('f', ids(0, 10), on(0, 10), 2);
  await upsert('f', ids(10, 10), on(1, 10), 2);
  expect(await connection.keys(`${keys.idFilters('f')}*`)).toHaveLength(3);
  await store.drop('f');
  expect(await connection.keys(`${keys.idFilters('f')}*`)).toEqual([]);
  expect(await filters.state('f')).toBeUndefined();
});
