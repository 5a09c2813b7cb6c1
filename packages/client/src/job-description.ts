import type { Job__Output } from '@vecshard/proto';
import type { JobDescription, JobStateName } from './types.js';

const STATES: Record<string, JobStateName> = {
  JOB_STATE_QUEUED: 'queued',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_COMPLETED: 'completed',
  JOB_STATE_FAILED: 'failed',
};

/** The wire `Job` as the SDK describes it: plain numbers, a short state name, the result parsed. */
export function describeJob(job: Job__Output): JobDescription {
  return {
    id: job.id,
    kind: job.kind,
    collection: job.collection,
    state: STATES[job.state] ?? 'unknown',
    progress: job.progress,
    done: Number(job.done),
    total: Number(job.total),
    error: job.error,
    result: parseResult(job.result),
    attempts: job.attempts,
    createdAtMs: Number(job.createdAtMs),
    finishedAtMs: Number(job.finishedAtMs),
  };
}

function parseResult(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}

/** A job that will not change any more. */
export function isFinished(job: JobDescription): boolean {
  return job.state === 'completed' || job.state === 'failed';
}
