import { VecshardError } from '@vecshard/client';
import { describe, expect, it } from 'vitest';
import { describeError, outcomeOfError } from '../src/workload/call-outcome.js';

const STATUS = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};

const error = (code: number, details = 'because') => new VecshardError(code, `Upsert: ${details}`, details);

describe('the outcome of a failed call', () => {
  it('is "fail" only for refusals that come before anything is stored', () => {
    expect(outcomeOfError(error(STATUS.INVALID_ARGUMENT))).toBe('fail');
    expect(outcomeOfError(error(STATUS.PERMISSION_DENIED))).toBe('fail');
    expect(outcomeOfError(error(STATUS.UNAUTHENTICATED))).toBe('fail');
    const admission = 'the coordinator is serving its limit of 256 concurrent requests; retry with backoff';
    expect(outcomeOfError(error(STATUS.RESOURCE_EXHAUSTED, admission))).toBe('fail');
  });

  it('is "unknown" whenever some shard may have stored its part', () => {
    expect(outcomeOfError(error(STATUS.DEADLINE_EXCEEDED))).toBe('unknown');
    expect(
      outcomeOfError(error(STATUS.UNAVAILABLE, 'No connection established. Last error: ECONNREFUSED')),
    ).toBe('unknown');
    expect(outcomeOfError(error(STATUS.FAILED_PRECONDITION, 'list 3 of "c" is not owned by shard 1'))).toBe(
      'unknown',
    );
    expect(outcomeOfError(error(STATUS.NOT_FOUND))).toBe('unknown');
    expect(outcomeOfError(error(STATUS.RESOURCE_EXHAUSTED, 'worker out of memory'))).toBe('unknown');
    expect(outcomeOfError(new Error('socket hang up'))).toBe('unknown');
  });

  it('is described with its status name', () => {
    expect(describeError(error(STATUS.DEADLINE_EXCEEDED, 'Deadline exceeded'))).toBe(
      'DEADLINE_EXCEEDED: Upsert: Deadline exceeded',
    );
    expect(describeError('odd')).toBe('odd');
  });
});
