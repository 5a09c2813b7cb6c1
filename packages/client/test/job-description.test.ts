import type { Job__Output } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { describeJob, isFinished } from '../src/job-description.js';

const wire: Job__Output = {
  id: '7',
  state: 'JOB_STATE_RUNNING',
  progress: 42.5,
  error: '',
  result: '',
  kind: 'import',
  collection: 'docs',
  done: '425',
  total: '1000',
  attempts: 1,
  createdAtMs: '1700000000000',
  finishedAtMs: '0',
};

describe('describeJob', () => {
  it('turns the wire job into plain numbers and a short state', () => {
    expect(describeJob(wire)).toEqual({
      id: '7',
      kind: 'import',
      collection: 'docs',
      state: 'running',
      progress: 42.5,
      done: 425,
      total: 1000,
      error: '',
      result: {},
      attempts: 1,
      createdAtMs: 1_700_000_000_000,
      finishedAtMs: 0,
    });
  });

  it('parses the result, keeping text that is not a JSON object', () => {
    const done = { ...wire, state: 'JOB_STATE_COMPLETED' as const, result: '{"vectors":60000}' };
    expect(describeJob(done).result).toEqual({ vectors: 60_000 });
    expect(describeJob({ ...done, result: 'not json' }).result).toEqual({ text: 'not json' });
    expect(describeJob({ ...done, result: '3' }).result).toEqual({ value: 3 });
  });

  it('knows which states are final', () => {
    expect(isFinished(describeJob({ ...wire, state: 'JOB_STATE_COMPLETED' }))).toBe(true);
    expect(isFinished(describeJob({ ...wire, state: 'JOB_STATE_FAILED' }))).toBe(true);
    expect(isFinished(describeJob({ ...wire, state: 'JOB_STATE_QUEUED' }))).toBe(false);
    expect(describeJob({ ...wire, state: 'JOB_STATE_UNSPECIFIED' }).state).toBe('unknown');
  });
});
