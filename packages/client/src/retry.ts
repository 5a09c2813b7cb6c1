import { status } from '@grpc/grpc-js';

/** Statuses worth retrying for an idempotent call: the server may not have seen it, or was briefly away. */
const RETRYABLE = new Set<number>([status.UNAVAILABLE, status.RESOURCE_EXHAUSTED, status.ABORTED]);

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff, doubled each time, with ±50 % jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Runs an idempotent call, retrying retryable statuses with exponential
 * backoff while the overall deadline allows. Oversized messages are not
 * retried (RESOURCE_EXHAUSTED from a size limit fails the same way again).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  deadline: number,
  isRetryable: (error: unknown) => boolean = defaultRetryable,
): Promise<T> {
  let retried: unknown;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      // A retry cut short by the caller's deadline says less than the failure that caused it
      // (e.g. which worker is unavailable): report that one.
      if (retried !== undefined && isDeadline(error)) throw retried;
      if (tries >= policy.retries || !isRetryable(error)) throw error;
      retried = error;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries) * (0.5 + Math.random());
      if (Date.now() + delay >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function defaultRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'number' || !RETRYABLE.has(code)) return false;
  const text = String((error as { details?: unknown }).details ?? '');
  return !(code === status.RESOURCE_EXHAUSTED && /larger than max/i.test(text));
}

function isDeadline(error: unknown): boolean {
  return (error as { code?: unknown })?.code === status.DEADLINE_EXCEEDED;
}
