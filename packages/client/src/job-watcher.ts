import * as grpc from '@grpc/grpc-js';
import type { GetJobRequest, Job__Output } from '@vecshard/proto';
import { VecshardError } from './errors.js';
import { describeJob, isFinished } from './job-description.js';
import type { JobDescription, WaitForJobOptions } from './types.js';

/** Opens the coordinator's WatchJob stream. */
export type OpenWatch = (request: GetJobRequest) => grpc.ClientReadableStream<Job__Output>;

/** Statuses after which watching again may work: the coordinator restarted or was briefly away. */
const RECONNECTABLE = new Set<number>([grpc.status.UNAVAILABLE, grpc.status.INTERNAL, grpc.status.UNKNOWN]);
const RECONNECT_DELAY_MS = 250;

/**
 * Follows a job through WatchJob until it completes, reconnecting when the
 * stream breaks (a job outlives the coordinator that started it), and
 * resolves with the finished job; a failed job rejects with its reason.
 */
export async function watchUntilFinished(
  open: OpenWatch,
  id: string,
  options: WaitForJobOptions = {},
): Promise<JobDescription> {
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let last: JobDescription | undefined;
  for (;;) {
    try {
      last = await followStream(open, id, options, deadline, last);
      if (last && isFinished(last)) break;
    } catch (error) {
      if (!(error instanceof ReconnectableError)) throw error;
      if (Date.now() + RECONNECT_DELAY_MS >= deadline) throw timedOut(id, last);
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
    }
  }
  if (last.state === 'failed') {
    throw Object.assign(
      new VecshardError(
        grpc.status.ABORTED,
        `job ${id} (${last.kind} of "${last.collection}") failed: ${last.error}`,
        last.error,
      ),
      { job: last },
    );
  }
  return last;
}

class ReconnectableError extends Error {}

/** Reads one WatchJob stream to its end; resolves with the last job seen. */
function followStream(
  open: OpenWatch,
  id: string,
  options: WaitForJobOptions,
  deadline: number,
  previous: JobDescription | undefined,
): Promise<JobDescription | undefined> {
  return new Promise((resolve, reject) => {
    let last = previous;
    let settled = false;
    const stream = open({ id });
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        stream.cancel();
        reject(error);
      } else resolve(last);
    };
    const onAbort = () => finish(new VecshardError(grpc.status.CANCELLED, `stopped waiting for job ${id}`));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => finish(timedOut(id, last)), Math.min(deadline - Date.now(), 2 ** 31 - 1));
    stream.on('data', (message: Job__Output) => {
      const job = describeJob(message);
      if (!last || job.state !== last.state || job.progress !== last.progress) options.onProgress?.(job);
      last = job;
    });
    stream.on('end', () => finish());
    stream.on('error', (error: grpc.ServiceError) => {
      if (RECONNECTABLE.has(error.code)) finish(new ReconnectableError(error.details));
      else finish(VecshardError.from(error, 'WatchJob'));
    });
  });
}

function timedOut(id: string, last: JobDescription | undefined): VecshardError {
  const where = last ? ` (${last.state}, ${last.progress.toFixed(0)} %)` : '';
  return new VecshardError(grpc.status.DEADLINE_EXCEEDED, `gave up waiting for job ${id}${where}`);
}
