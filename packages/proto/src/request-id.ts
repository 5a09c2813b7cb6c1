import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';

/** Metadata key carrying a request's id from the client through the coordinator to the workers. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Longest id accepted from a caller; longer (or non-printable) ones are replaced, so logs stay sane. */
const MAX_REQUEST_ID_LENGTH = 128;
const PRINTABLE = /^[\x21-\x7e]+$/;

/** A fresh request id. */
export function newRequestId(): string {
  return randomUUID();
}

/** The id a caller sent in its metadata, if it is one worth logging. */
export function requestIdOf(metadata: grpc.Metadata): string | undefined {
  const value = metadata.get(REQUEST_ID_HEADER)[0];
  if (typeof value !== 'string' || value.length > MAX_REQUEST_ID_LENGTH || !PRINTABLE.test(value)) {
    return undefined;
  }
  return value;
}

/**
 * The id of the request being served, for code several calls away from the
 * handler (the coordinator's calls to workers forward it). Only processes that
 * run handlers inside `runWithRequestId` pay for the async context tracking.
 */
const currentRequest = new AsyncLocalStorage<string>();

/** Runs `step` (and everything it awaits) as part of request `id`. */
export function runWithRequestId<T>(id: string, step: () => T): T {
  return currentRequest.run(id, step);
}

/** The id of the request being served here, if any (background work has none). */
export function currentRequestId(): string | undefined {
  return currentRequest.getStore();
}
