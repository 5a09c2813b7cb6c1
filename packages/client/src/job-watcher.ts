import * as grpc from '@grpc/grpc-js';
import type { GetJobRequest, Job__Output } from '@vecshard/proto';
import { VecshardError } from './errors.js';
import { describeJob, isFinished } from './job-description.js';
import type { JobDescription, WatchJobOptions } from './types.js';

/** Opens the coordinator's WatchJob stream. */
export type OpenWatch = (request: GetJobRequest) => grpc.ClientReadableStream<Job__Output>;

/** Statuses after which watching again may work: the coordinator restarted or was briefly away. */
const RECONNECTABLE = new Set<number>([grpc.status.UNAVAILABLE, grpc.status.INTERNAL, grpc.status.UNKNOWN]);
const RECONNECT_DELAY_MS = 250;

/**
 * Follows a job through WatchJob until it completes or fails, reconnecting
 * when the stream breaks or ends early (a job outlives the coordinator that
 * started it), and resolves with the finished job, failed or not.
 */
export async function watchUntilFinished(
  open: OpenWatch,
  id: string,
  onUpdate: (job: JobDescription) => void,
  options: WatchJobOptions = {},
): Promise<JobDescription> {
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const watch: Watch = { open, id, onUpdate, signal: options.signal, deadline };
  for (;;) {
    try {
      const last = await followStream(watch);
      if (last && isFinished(last)) return last;
    } catch (error) {
      if (!(error instanceof ReconnectableError)) throw error;
    }
    await pauseBeforeReconnect(watch);
  }
}

/** One watch across its reconnections. */
interface Watch {
  open: OpenWatch;
  id: string;
  onUpdate: (job: JobDescription) => void;
  signal?: AbortSignal;
  deadline: number;
  /** The newest job seen, kept across streams so a reconnection does not report it again. */
  last?: JobDescription;
}

class ReconnectableError extends Error {}

/** Reads one WatchJob stream to its end; resolves with the last job seen. */
function followStream(watch: Watch): Promise<JobDescription | undefined> {
  if (watch.signal?.aborted) return Promise.reject(cancelled(watch.id));
  return new Promise((resolve, reject) => {
    let settled = false;
    const stream = watch.open({ id: watch.id });
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watch.signal?.removeEventListener('abort', onAbort);
      if (error) {
        stream.cancel();
        reject(error);
      } else resolve(watch.last);
    };
    const onAbort = () => finish(cancelled(watch.id));
    const timer = setTimeout(() => finish(timedOut(watch.id, watch.last)), remaining(watch.deadline));
    watch.signal?.addEventListener('abort', onAbort);
    stream.on('data', (message: Job__Output) => {
      const job = describeJob(message);
      const last = watch.last;
      watch.last = job;
      if (!last || job.state !== last.state || job.progress !== last.progress) watch.onUpdate(job);
    });
    stream.on('end', () => finish());
    stream.on('error', (error: grpc.ServiceError) => {
      if (RECONNECTABLE.has(error.code)) finish(new ReconnectableError(error.details));
      else finish(VecshardError.from(error, 'WatchJob'));
    });
  });
}

/** Waits a moment before watching again, unless the deadline or an abort comes first. */
function pauseBeforeReconnect(watch: Watch): Promise<void> {
  if (Date.now() + RECONNECT_DELAY_MS >= watch.deadline)
    return Promise.reject(timedOut(watch.id, watch.last));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled(watch.id));
    };
    const timer = setTimeout(() => {
      watch.signal?.removeEventListener('abort', onAbort);
      resolve();
    }, RECONNECT_DELAY_MS);
    if (watch.signal?.aborted) return onAbort();
    watch.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Milliseconds left before the deadline, within what setTimeout accepts. */
function remaining(deadline: number): number {
  return Math.max(0, Math.min(deadline - Date.now(), 2 ** 31 - 1));
}

function cancelled(id: string): VecshardError {
  return new VecshardError(grpc.status.CANCELLED, `stopped waiting for job ${id}`);
}

function timedOut(id: string, last: JobDescription | undefined): VecshardError {
  const where = last ? ` (${last.state}, ${last.progress.toFixed(0)} %)` : '';
  return new VecshardError(grpc.status.DEADLINE_EXCEEDED, `gave up waiting for job ${id}${where}`);
}
