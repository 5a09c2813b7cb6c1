import type { Job } from '@vecshard/proto';
import type { Job as BullJob } from 'bullmq';
import type { JobData, JobProgress } from './job-kinds.js';

type BullState = Awaited<ReturnType<BullJob['getState']>>;

/** BullMQ's states as the public API names them. */
export function publicState(state: BullState): Job['state'] {
  switch (state) {
    case 'active':
      return 'JOB_STATE_RUNNING';
    case 'completed':
      return 'JOB_STATE_COMPLETED';
    case 'failed':
      return 'JOB_STATE_FAILED';
    case 'unknown':
      return 'JOB_STATE_UNSPECIFIED';
    default:
      // waiting, delayed (a retry's backoff), prioritized, waiting-children
      return 'JOB_STATE_QUEUED';
  }
}

export function progressOf(job: BullJob): JobProgress | undefined {
  const p = job.progress as Partial<JobProgress> | number | undefined;
  if (typeof p === 'object' && p !== null && typeof p.done === 'number') return p as JobProgress;
  return undefined;
}

/** A BullMQ job as the public `Job` message. */
export function toJobMessage(job: BullJob<JobData>, state: BullState): Job {
  const progress = progressOf(job);
  const publicStateName = publicState(state);
  return {
    id: job.id ?? '',
    state: publicStateName,
    progress: publicStateName === 'JOB_STATE_COMPLETED' ? 100 : (progress?.percent ?? 0),
    error: publicStateName === 'JOB_STATE_FAILED' ? (job.failedReason ?? 'failed') : '',
    result: job.returnvalue ? JSON.stringify(job.returnvalue) : '',
    kind: job.data.kind,
    collection: 'collection' in job.data ? job.data.collection : '',
    done: String(progress?.done ?? 0),
    total: String(progress?.total ?? 0),
    attempts: job.attemptsMade,
    createdAtMs: String(job.timestamp ?? 0),
    finishedAtMs: String(job.finishedOn ?? 0),
  };
}
