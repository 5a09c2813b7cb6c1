import { status } from '@grpc/grpc-js';
import { isServiceError, statusName } from '@vecshard/proto';
import type { JobDescription } from './types.js';

/** A failed vecshard call: `code` is the gRPC status number, `codeName` its name (e.g. "NOT_FOUND"). */
export class VecshardError extends Error {
  override name = 'VecshardError';
  readonly codeName: string;
  /** The `x-request-id` the call was sent with: the coordinator's and workers' logs carry it. */
  requestId?: string;

  constructor(
    readonly code: number,
    message: string,
    readonly details = message,
  ) {
    super(message);
    this.codeName = statusName(code);
  }

  /** Wraps whatever a call threw; gRPC errors keep their status. */
  static from(error: unknown, method: string): VecshardError {
    if (error instanceof VecshardError) return error;
    if (isServiceError(error)) {
      const details = error.details || error.message;
      return new VecshardError(error.code, `${method}: ${statusName(error.code)}: ${details}`, details);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new VecshardError(2, `${method}: ${message}`);
  }
}

/** The rejection of waiting for a job that failed: `job` is the failed job, `details` its reason. */
export class JobFailedError extends VecshardError {
  override name = 'JobFailedError';

  constructor(readonly job: JobDescription) {
    super(
      status.ABORTED,
      `job ${job.id} (${job.kind} of "${job.collection}") failed: ${job.error}`,
      job.error,
    );
  }
}
