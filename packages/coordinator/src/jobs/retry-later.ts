import type { JobData } from './job-kinds.js';

/**
 * Thrown by a job that cannot go on yet (a collection it must move is being
 * refilled): the queue puts it back, delayed by `afterMs`, with `data` as its
 * new data (what it did so far), without counting an attempt. Waiting in the
 * queue rather than in the job frees this coordinator's one job slot, which
 * the refill it waits for may need.
 */
export class RetryLater extends Error {
  override name = 'RetryLater';
  constructor(
    message: string,
    readonly afterMs: number,
    readonly data: JobData,
  ) {
    super(message);
  }
}
