import { FaissIndex } from '@vecshard/faiss';
import { describe, expect, it } from 'vitest';
import { ShardCollection } from '../src/shard-collection.js';

// Two coordinators may send writes to one id at once; each copy receives them
// in its own order. Every write carries its sequence, and a copy applies a
// write to a row only if it is newer than the last one applied there: so every
// copy ends with the newer write, whatever the order of arrival.
const dim = 4;

async function shard(): Promise<ShardCollection> {
  const index = FaissIndex.create(dim, 'IVF2,Flat', 'l2');
  await index.train(Float32Array.from({ length: 200 * dim }, (_, i) => Math.sin(i * 0.37) * 10));
  return ShardCollection.attach('c', 0, await index.serialize(), 'l2', [0, 1]);
}

const ID = BigInt64Array.of(7n);
const LIST = BigInt64Array.of(1n);
const NONE = new BigInt64Array(0);
const value = (v: number) => new Float32Array(dim).fill(v);

/** The vector the copy holds for id 7, or undefined when it holds none. */
async function held(copy: ShardCollection): Promise<number | undefined> {
  const rows = await copy.readRowsById(ID, [], true);
  return rows.ids.length === 0 ? undefined : rows.vectors![0];
}

describe('write sequences', () => {
  it('two copies receiving the same writes in opposite orders end alike: the newer write', async () => {
    const [a, b] = [await shard(), await shard()];
    await a.add(ID, value(1), LIST, NONE, undefined, 10);
    await a.add(ID, value(2), LIST, NONE, undefined, 11);
    await b.add(ID, value(2), LIST, NONE, undefined, 11);
    await b.add(ID, value(1), LIST, NONE, undefined, 10);
    expect(await held(a)).toBe(2);
    expect(await held(b)).toBe(2);
  });

  it('a delete leaves its sequence behind: an older upsert arriving later does not bring the row back', async () => {
    const [a, b] = [await shard(), await shard()];
    await a.add(ID, value(1), LIST, NONE, undefined, 20);
    expect(await a.delete(ID, 21)).toBe(1);
    await b.delete(ID, 21);
    await b.add(ID, value(1), LIST, NONE, undefined, 20);
    expect(await held(a)).toBeUndefined();
    expect(await held(b)).toBeUndefined();
    // A newer delete than an upsert it follows does nothing to a row written after it.
    await a.add(ID, value(3), LIST, NONE, undefined, 30);
    expect(await a.delete(ID, 25)).toBe(0);
    expect(await held(a)).toBe(3);
  });

  it('replacing ids (the row moved to another shard) is ordered the same way', async () => {
    const copy = await shard();
    await copy.add(ID, value(4), LIST, NONE, undefined, 41);
    // An older upsert that placed id 7 in another shard leaves the newer row here.
    await copy.add(NONE, new Float32Array(0), NONE, ID, undefined, 40);
    expect(await held(copy)).toBe(4);
    // A newer one removes it.
    await copy.add(NONE, new Float32Array(0), NONE, ID, undefined, 42);
    expect(await held(copy)).toBeUndefined();
  });

  it('a write sent again with its sequence applies again: the row removed by its first try is added by the second', async () => {
    const copy = await shard();
    await copy.add(ID, value(1), LIST, NONE, undefined, 60);
    // First try: the row's list was on another shard, so this copy only dropped the id.
    await copy.add(NONE, new Float32Array(0), NONE, ID, undefined, 61);
    expect(await held(copy)).toBeUndefined();
    // Second try, after the list moved here: the same write, the same sequence, now adding the row.
    await copy.add(ID, value(2), LIST, ID, undefined, 61);
    expect(await held(copy)).toBe(2);
    // A write older than it still does nothing.
    await copy.add(ID, value(3), LIST, ID, undefined, 59);
    expect(await held(copy)).toBe(2);
  });

  it('lists moving to another shard take their rows’ sequences and the old owner’s deletes along', async () => {
    const [from, to] = [await shard(), await shard()];
    const GONE = BigInt64Array.of(8n);
    const OTHER = BigInt64Array.of(9n);
    await from.add(ID, value(1), LIST, NONE, undefined, 70);
    await from.add(GONE, value(1), LIST, NONE, undefined, 71);
    await from.delete(GONE, 72);
    await from.add(OTHER, value(1), BigInt64Array.of(0n), NONE, undefined, 73);
    // List 1 moves: its row (id 7, seq 70) and the id no longer held (8, deleted at 72); not list 0's row.
    const versions = await from.exportVersions([1]);
    const exported = new Map([...versions.ids].map((id, i) => [id, versions.seqs[i]]));
    expect(exported).toEqual(
      new Map([
        [7n, 70n],
        [8n, 72n],
      ]),
    );
    const contents = [];
    for await (const content of from.exportLists([1])) contents.push(content);
    await to.importLists(contents, versions);
    // Writes older than the old owner's, sent again to the new owner after the move, do nothing there.
    await to.add(ID, value(2), LIST, ID, undefined, 69);
    await to.add(GONE, value(2), LIST, GONE, undefined, 71);
    expect(await held(to)).toBe(1);
    expect((await to.readRowsById(GONE, [], false)).ids).toHaveLength(0);
    // Newer ones apply.
    await to.add(GONE, value(3), LIST, GONE, undefined, 74);
    expect((await to.readRowsById(GONE, [], false)).ids).toEqual(GONE);
  });

  it('writes without a sequence apply unconditionally (replays into a copy being rebuilt)', async () => {
    const copy = await shard();
    await copy.add(ID, value(5), LIST, NONE, undefined, 50);
    await copy.add(ID, value(6), LIST, NONE);
    expect(await held(copy)).toBe(6);
  });
});
