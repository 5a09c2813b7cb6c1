import type { JobDescription, VecshardClient, WaitForJobOptions } from '@vecshard/client';
import { describe, expect, it } from 'vitest';
import { followJob } from '../src/job-progress.js';

const queued: JobDescription = {
  id: '9',
  kind: 'import',
  collection: 'docs',
  state: 'queued',
  progress: 0,
  done: 0,
  total: 0,
  error: '',
  result: {},
  attempts: 0,
  createdAtMs: 1,
  finishedAtMs: 0,
};

/** A client whose waitForJob replays `updates`, then ends like the last one. */
function replaying(updates: Partial<JobDescription>[]): VecshardClient {
  return {
    waitForJob: async (_id: string, options: WaitForJobOptions = {}) => {
      let job = queued;
      for (const update of updates) {
        job = { ...job, ...update };
        options.onProgress?.(job);
      }
      if (job.state === 'failed') throw new Error(`job ${job.id} failed: ${job.error}`);
      return job;
    },
  } as unknown as VecshardClient;
}

/** Collects what is written, as a stream that is not a terminal. */
function capture(): { out: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const out = { isTTY: false, write: (chunk: string) => chunks.push(chunk) > 0 };
  return { out: out as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('followJob off a terminal', () => {
  it('prints one plain line per update, then the result', async () => {
    const { out, text } = capture();
    const client = replaying([
      { state: 'running', progress: 0, total: 2000 },
      { progress: 50, done: 1000 },
      { state: 'completed', progress: 100, done: 2000, result: { vectors: 2000 } },
    ]);
    const job = await followJob(client, queued, { out });
    expect(job.state).toBe('completed');
    expect(text()).toBe(
      [
        'job 9: import of "docs" queued',
        'job 9: running 0.0% (0/2000 vectors)',
        'job 9: running 50.0% (1000/2000 vectors)',
        'job 9: completed 100.0% (2000/2000 vectors)',
        'job 9: completed {"vectors":2000}',
        '',
      ].join('\n'),
    );
  });

  it('rejects with the reason of a failed job, and returns at once when detached', async () => {
    const failing = replaying([{ state: 'failed', error: 'no such file' }]);
    await expect(followJob(failing, queued, { out: capture().out })).rejects.toThrow(/no such file/);

    const { out, text } = capture();
    expect(await followJob(failing, queued, { out, detach: true })).toBe(queued);
    expect(text()).toBe('job 9: import of "docs" queued\n');
  });
});
