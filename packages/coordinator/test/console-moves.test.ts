import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../src/collection-record.js';
import { movesInProgress } from '../src/console/moves-in-progress.js';
import type { JobWithMove } from '../src/jobs/job-queue.js';

const job = (fields: Partial<JobWithMove>): JobWithMove => ({
  id: 'j',
  state: 'JOB_STATE_RUNNING',
  progress: 40,
  done: '4',
  total: '10',
  ...fields,
});
const record = { name: 'c' } as CollectionRecord;

describe('moves the console map draws', () => {
  it('takes what a running rebalance or drain reported moving, with its own %', () => {
    const moves = movesInProgress(
      [
        job({
          id: 'r',
          kind: 'rebalance',
          now: { collection: 'c', shard: 0, toShard: 2, done: 1, total: 4 },
        }),
        job({
          id: 'd',
          kind: 'drain',
          now: { collection: 'c', shard: 1, fromWorker: 'w0', toWorker: 'w2', done: 0, total: 5 },
        }),
      ],
      [record],
    );
    expect(moves).toEqual([
      { job: 'r', kind: 'rebalance', collection: 'c', shard: 0, toShard: 2, done: 1, total: 4, percent: 25 },
      {
        job: 'd',
        kind: 'drain',
        collection: 'c',
        shard: 1,
        fromWorker: 'w0',
        toWorker: 'w2',
        done: 0,
        total: 5,
        percent: 0,
      },
    ]);
  });

  it("draws a refill's shards at the job's progress, and nothing of jobs that are not running", () => {
    const refilling = {
      kind: 'recover' as const,
      collection: 'c',
      jobId: 'f',
      shards: [{ shard: 3, workerId: 'w1', startedAtMs: 1 }],
    };
    const moves = movesInProgress(
      [
        job({ id: 'f', kind: 'recover', refilling }),
        job({
          id: 'old',
          kind: 'rebalance',
          state: 'JOB_STATE_COMPLETED',
          now: { collection: 'c', shard: 0, done: 1, total: 1 },
        }),
      ],
      [record],
    );
    expect(moves).toEqual([
      {
        job: 'f',
        kind: 'refill',
        collection: 'c',
        shard: 3,
        fromWorker: undefined,
        toWorker: 'w1',
        percent: 40,
        done: 4,
        total: 10,
      },
    ]);
  });
});
