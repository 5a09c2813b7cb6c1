import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../src/collection-record.js';
import { refillJobId } from '../src/recovery/refill-watch.js';
import { type HeldShard, shardsToRefill } from '../src/recovery/shards-to-refill.js';
import type { KnownWorker } from '../src/worker-directory.js';

function record(name: string, workerIds: (string | string[])[], expectedVectors = 100): CollectionRecord {
  return {
    name,
    dim: 4,
    metric: 'l2',
    index: 'IVF4,Flat',
    nprobe: 1,
    shards: 0,
    routing: 'lists',
    replicationFactor: 1,
    state: 'ready',
    nlist: 4,
    placement: workerIds.map((ids, shard) => ({
      shard,
      replicas: [ids].flat().map((workerId) => ({ workerId, state: 'ready' as const })),
      lists: [shard],
      expectedVectors,
    })),
    createdAtMs: 0,
  };
}

function worker(id: string, alive = true, startedAtMs = 1): KnownWorker {
  return { id, address: `127.0.0.1:${id}`, device: 'cpu', startedAtMs, alive };
}

const held = (collection: string, shard: number, loading = false): HeldShard => ({
  collection,
  shard,
  loading,
});

describe('shardsToRefill', () => {
  it('asks for nothing while every live worker holds its shards ready', () => {
    const plan = shardsToRefill({
      records: [record('a', ['w0', 'w1'])],
      workers: [worker('w0'), worker('w1')],
      holdings: new Map([
        ['w0', [held('a', 0)]],
        ['w1', [held('a', 1)]],
      ]),
      absentForMs: () => 0,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.size).toBe(0);
  });

  it('refills a shard that a live worker does not hold, or holds still loading, on that worker process', () => {
    const plan = shardsToRefill({
      records: [record('a', ['w0', 'w1']), record('b', ['w1', 'w0'])],
      workers: [worker('w0', true, 7), worker('w1', true, 9)],
      holdings: new Map([
        ['w0', [held('a', 0), held('b', 1, true)]],
        ['w1', []],
      ]),
      absentForMs: () => 0,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.get('a')).toEqual([{ shard: 1, workerId: 'w1', startedAtMs: 9 }]);
    expect(plan.get('b')).toEqual([
      { shard: 0, workerId: 'w1', startedAtMs: 9 },
      { shard: 1, workerId: 'w0', startedAtMs: 7 },
    ]);
  });

  it('does not judge a live worker that did not answer', () => {
    const plan = shardsToRefill({
      records: [record('a', ['w0'])],
      workers: [worker('w0')],
      holdings: new Map(),
      absentForMs: () => 0,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.size).toBe(0);
  });

  it('re-places the shards of a worker absent past the grace on the least loaded live worker, not before', () => {
    const inputs = {
      records: [record('a', ['w0', 'w1', 'w2'], 100), record('b', ['w0'], 500)],
      workers: [worker('w0'), worker('w1'), worker('w2', false)],
      holdings: new Map([
        ['w0', [held('a', 0), held('b', 0)]],
        ['w1', [held('a', 1)]],
      ]),
      graceMs: 30_000,
      canRebuild: true,
    };
    expect(shardsToRefill({ ...inputs, absentForMs: () => 29_999 }).size).toBe(0);
    const plan = shardsToRefill({ ...inputs, absentForMs: (id) => (id === 'w2' ? 30_000 : 0) });
    expect(plan.get('a')).toEqual([{ shard: 2, workerId: 'w1', startedAtMs: 1, movedFrom: 'w2' }]);
    expect(plan.has('b')).toBe(false);
  });

  it('spreads several re-placed shards by load, and re-places onto no one when no worker is live', () => {
    const records = [record('a', ['gone', 'gone', 'w0'], 100)];
    const plan = shardsToRefill({
      records,
      workers: [worker('w0'), worker('w1')],
      holdings: new Map([
        ['w0', [held('a', 2)]],
        ['w1', []],
      ]),
      absentForMs: (id) => (id === 'gone' ? 60_000 : 0),
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.get('a')?.map((s) => s.workerId)).toEqual(['w1', 'w0']);
    const none = shardsToRefill({
      records,
      workers: [worker('w0', false)],
      holdings: new Map(),
      absentForMs: () => 60_000,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(none.size).toBe(0);
  });
});

describe('shardsToRefill with copies', () => {
  it('refills a copy marked catching-up, with when it missed a write, though its worker holds the shard', () => {
    const r = record('a', [['w0', 'w1']]);
    r.placement[0].replicas[1] = { workerId: 'w1', state: 'catching-up', missedAtMs: 42 };
    const plan = shardsToRefill({
      records: [r],
      workers: [worker('w0'), worker('w1', true, 5)],
      holdings: new Map([
        ['w0', [held('a', 0)]],
        ['w1', [held('a', 0)]],
      ]),
      absentForMs: () => 0,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.get('a')).toEqual([{ shard: 0, workerId: 'w1', startedAtMs: 5, missedAtMs: 42 }]);
  });

  it('re-places a copy of a worker gone past the grace on a worker holding no copy of that shard', () => {
    const plan = shardsToRefill({
      records: [
        record(
          'a',
          [
            ['w0', 'w1'],
            ['w1', 'w2'],
          ],
          100,
        ),
      ],
      workers: [worker('w0'), worker('w1', false), worker('w2')],
      holdings: new Map([
        ['w0', [held('a', 0)]],
        ['w2', [held('a', 1)]],
      ]),
      absentForMs: (id) => (id === 'w1' ? 60_000 : 0),
      graceMs: 30_000,
      canRebuild: true,
    });
    // Shard 0's copies are on w0 and the gone w1: its new copy goes to w2. Shard 1's to w0.
    expect(plan.get('a')).toEqual([
      { shard: 0, workerId: 'w2', startedAtMs: 1, movedFrom: 'w1' },
      { shard: 1, workerId: 'w0', startedAtMs: 1, movedFrom: 'w1' },
    ]);
  });

  it('leaves a copy where it is when every live worker already holds a copy of that shard', () => {
    const plan = shardsToRefill({
      records: [record('a', [['w0', 'w1']])],
      workers: [worker('w0'), worker('w1', false)],
      holdings: new Map([['w0', [held('a', 0)]]]),
      absentForMs: () => 60_000,
      graceMs: 30_000,
      canRebuild: true,
    });
    expect(plan.size).toBe(0);
  });
});

describe('shardsToRefill without an object store', () => {
  it('refills only copies that have a ready peer to copy from', () => {
    const plan = shardsToRefill({
      records: [record('a', [['w0', 'w1'], 'w1'])],
      workers: [worker('w0'), worker('w1')],
      holdings: new Map([
        ['w0', [held('a', 0)]],
        ['w1', []],
      ]),
      absentForMs: () => 0,
      graceMs: 30_000,
      canRebuild: false,
    });
    expect(plan.get('a')).toEqual([{ shard: 0, workerId: 'w1', startedAtMs: 1 }]);
  });
});

describe('refillJobId', () => {
  it('is the same for the same shards in any order, and differs for another worker process', () => {
    const a = { shard: 0, workerId: 'w0', startedAtMs: 1 };
    const b = { shard: 1, workerId: 'w1', startedAtMs: 2 };
    expect(refillJobId('c', [a, b])).toBe(refillJobId('c', [b, a]));
    expect(refillJobId('c', [a])).not.toBe(refillJobId('c', [{ ...a, startedAtMs: 3 }]));
    expect(refillJobId('c', [a])).not.toBe(refillJobId('d', [a]));
    expect(refillJobId('c', [a])).toMatch(/^recover-[0-9a-f]{16}$/);
    // Each missed write of the same copy gets a refill of its own.
    expect(refillJobId('c', [{ ...a, missedAtMs: 1 }])).not.toBe(refillJobId('c', [{ ...a, missedAtMs: 2 }]));
  });
});
