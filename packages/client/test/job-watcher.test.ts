import { EventEmitter } from 'node:events';
import { status } from '@grpc/grpc-js';
import type { Job__Output } from '@vecshard/proto';
import { describe, expect, it } from 'vitest';
import { JobFailedError } from '../src/errors.js';
import { type OpenWatch, watchUntilFinished } from '../src/job-watcher.js';
import type { JobDescription } from '../src/types.js';
import { VecshardClient } from '../src/vecshard-client.js';

/** A WatchJob stream the test drives by hand. */
class FakeStream extends EventEmitter {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
  }
}

function wireJob(
  state: Job__Output['state'],
  progress: number,
  extra: Partial<Job__Output> = {},
): Job__Output {
  return {
    id: 'j1',
    state,
    progress,
    error: '',
    result: '',
    kind: 'import',
    collection: 'docs',
    done: String(progress * 10),
    total: '1000',
    attempts: 1,
    createdAtMs: '1',
    finishedAtMs: '0',
    ...extra,
  };
}

/** Hands out streams in order, each driven by the test's script once opened. */
function streams(...scripts: ((stream: FakeStream) => void)[]): { open: OpenWatch; opened: FakeStream[] } {
  const opened: FakeStream[] = [];
  const open = (() => {
    const stream = new FakeStream();
    opened.push(stream);
    const script = scripts[opened.length - 1];
    setImmediate(() => script?.(stream));
    return stream;
  }) as unknown as OpenWatch;
  return { open, opened };
}

function serviceError(code: number, details: string): Error {
  return Object.assign(new Error(details), { code, details, metadata: {} });
}

describe('watchUntilFinished', () => {
  it('reports each change once and resolves with the completed job', async () => {
    const { open } = streams((s) => {
      s.emit('data', wireJob('JOB_STATE_QUEUED', 0));
      s.emit('data', wireJob('JOB_STATE_RUNNING', 0));
      s.emit('data', wireJob('JOB_STATE_RUNNING', 50));
      s.emit('data', wireJob('JOB_STATE_RUNNING', 50));
      s.emit('data', wireJob('JOB_STATE_COMPLETED', 100, { result: '{"vectors":1000}' }));
      s.emit('end');
    });
    const seen: string[] = [];
    const job = await watchUntilFinished(open, 'j1', (update) =>
      seen.push(`${update.state} ${update.progress}`),
    );
    expect(seen).toEqual(['queued 0', 'running 0', 'running 50', 'completed 100']);
    expect(job.result).toEqual({ vectors: 1000 });
  });

  it('resolves with a failed job: watching is not judging', async () => {
    const { open } = streams((s) => {
      s.emit('data', wireJob('JOB_STATE_FAILED', 10, { error: 'boom' }));
      s.emit('end');
    });
    const job = await watchUntilFinished(open, 'j1', () => {});
    expect([job.state, job.error]).toEqual(['failed', 'boom']);
  });

  it('watches again after the coordinator goes away or the stream ends early, without repeating itself', async () => {
    const { open, opened } = streams(
      (s) => {
        s.emit('data', wireJob('JOB_STATE_RUNNING', 30));
        s.emit('error', serviceError(status.UNAVAILABLE, 'connection refused'));
      },
      (s) => {
        s.emit('data', wireJob('JOB_STATE_RUNNING', 30));
        s.emit('end');
      },
      (s) => {
        s.emit('data', wireJob('JOB_STATE_COMPLETED', 100));
        s.emit('end');
      },
    );
    const seen: number[] = [];
    const job = await watchUntilFinished(open, 'j1', (update) => seen.push(update.progress));
    expect(opened).toHaveLength(3);
    expect(seen).toEqual([30, 100]);
    expect(job.state).toBe('completed');
  });

  it('rejects with the status of an error that watching again cannot fix', async () => {
    const { open } = streams((s) =>
      s.emit('error', serviceError(status.NOT_FOUND, 'job "x" does not exist')),
    );
    await expect(watchUntilFinished(open, 'x', () => {})).rejects.toMatchObject({
      codeName: 'NOT_FOUND',
      details: 'job "x" does not exist',
    });
  });

  it('stops on abort, cancelling the stream, and on its timeout', async () => {
    const quiet = streams((s) => s.emit('data', wireJob('JOB_STATE_RUNNING', 5)));
    const controller = new AbortController();
    const watching = watchUntilFinished(quiet.open, 'j1', () => controller.abort(), {
      signal: controller.signal,
    });
    await expect(watching).rejects.toMatchObject({ codeName: 'CANCELLED' });
    expect(quiet.opened[0]?.cancelled).toBe(true);

    await expect(
      watchUntilFinished(streams().open, 'j1', () => {}, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ codeName: 'CANCELLED' });

    const slow = streams((s) => s.emit('data', wireJob('JOB_STATE_RUNNING', 5)));
    await expect(watchUntilFinished(slow.open, 'j1', () => {}, { timeoutMs: 50 })).rejects.toThrow(
      /gave up waiting for job j1 \(running, 5 %\)/,
    );
  });
});

describe('VecshardClient.waitForJob', () => {
  /** A client whose WatchJob is the given fake; no connection is ever made. */
  function clientWith(open: OpenWatch): VecshardClient {
    const client = new VecshardClient('127.0.0.1:1');
    Object.assign(client.raw, { WatchJob: open });
    return client;
  }

  it('resolves with a completed job and rejects with the job when it failed', async () => {
    const done = clientWith(
      streams((s) => {
        s.emit('data', wireJob('JOB_STATE_COMPLETED', 100));
        s.emit('end');
      }).open,
    );
    const progress: number[] = [];
    const job = await done.waitForJob('j1', { onProgress: (update) => progress.push(update.progress) });
    expect([job.state, progress]).toEqual(['completed', [100]]);
    done.close();

    const failed = clientWith(
      streams((s) => {
        s.emit('data', wireJob('JOB_STATE_FAILED', 0, { error: '/data/x.fvecs does not exist' }));
        s.emit('end');
      }).open,
    );
    const error = (await failed.waitForJob('j1').catch((e: unknown) => e)) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.codeName).toBe('ABORTED');
    expect(error.details).toBe('/data/x.fvecs does not exist');
    expect(error.message).toBe('job j1 (import of "docs") failed: /data/x.fvecs does not exist');
    expect((error.job as JobDescription).state).toBe('failed');
    failed.close();
  });
});
