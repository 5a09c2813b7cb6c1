import { describe, expect, it } from 'vitest';
import type { ShardToRefill } from '../src/jobs/job-kinds.js';
import { notUnderWay } from '../src/recovery/refills-under-way.js';

const copy = (shard: number, extra: Partial<ShardToRefill> = {}): ShardToRefill => ({
  shard,
  workerId: `w${shard}`,
  startedAtMs: 100,
  ...extra,
});

describe('refills under way', () => {
  it('leaves out copies a pending job refills, so a job half done is not followed by a second one', () => {
    // A job refilling shards 0 and 1 has finished 0: the watch now sees only 1 unready.
    expect(notUnderWay([copy(1)], [copy(0), copy(1)])).toEqual([]);
    expect(notUnderWay([copy(1), copy(2)], [copy(0), copy(1)])).toEqual([copy(2)]);
    expect(notUnderWay([copy(1)], [])).toEqual([copy(1)]);
  });

  it('queues a copy again when its worker restarted or it missed another write since', () => {
    expect(notUnderWay([copy(1, { startedAtMs: 200 })], [copy(1)])).toEqual([copy(1, { startedAtMs: 200 })]);
    expect(notUnderWay([copy(1, { missedAtMs: 5 })], [copy(1, { missedAtMs: 4 })])).toEqual([
      copy(1, { missedAtMs: 5 }),
    ]);
    expect(notUnderWay([copy(1, { movedFrom: 'w9' })], [copy(1, { movedFrom: 'w9' })])).toEqual([]);
  });
});
