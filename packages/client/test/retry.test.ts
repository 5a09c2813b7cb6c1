import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { VecshardError } from '../src/errors.js';
import { withRetries } from '../src/retry.js';

const policy = { retries: 3, baseDelayMs: 1, maxDelayMs: 2 };
const failing = (code: number, details = 'x') => Object.assign(new Error(details), { code, details });

describe('withRetries', () => {
  it('retries UNAVAILABLE until it succeeds', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        if (++calls < 3) throw failing(status.UNAVAILABLE);
        return 'ok';
      },
      policy,
      Date.now() + 10_000,
    );
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('reports the failure that caused a retry when the deadline cuts the retry short', async () => {
    const unavailable = failing(status.UNAVAILABLE, 'shard worker w1 is not answering');
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          if (++calls === 1) throw unavailable;
          throw failing(status.DEADLINE_EXCEEDED, 'deadline');
        },
        policy,
        Date.now() + 10_000,
      ),
    ).rejects.toBe(unavailable);
    expect(calls).toBe(2);
    // Without a retry before it, a deadline is the answer.
    const deadline = failing(status.DEADLINE_EXCEEDED, 'deadline');
    await expect(
      withRetries(
        async () => {
          throw deadline;
        },
        policy,
        Date.now() + 10_000,
      ),
    ).rejects.toBe(deadline);
  });

  it('does not retry INVALID_ARGUMENT or an oversized message', async () => {
    for (const error of [
      failing(status.INVALID_ARGUMENT),
      failing(status.RESOURCE_EXHAUSTED, 'larger than max'),
    ]) {
      let calls = 0;
      await expect(
        withRetries(
          async () => {
            calls++;
            throw error;
          },
          policy,
          Date.now() + 10_000,
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it('gives up after the configured retries', async () => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw failing(status.UNAVAILABLE);
    };
    await expect(withRetries(attempt, policy, Date.now() + 10_000)).rejects.toThrow();
    expect(calls).toBe(4);
  });
});

describe('VecshardError', () => {
  it('keeps the status code and names it', () => {
    const error = VecshardError.from(failing(status.NOT_FOUND, 'collection "x" does not exist'), 'Search');
    expect([error.code, error.codeName, error.message]).toEqual([
      5,
      'NOT_FOUND',
      'Search: NOT_FOUND: collection "x" does not exist',
    ]);
  });
});
