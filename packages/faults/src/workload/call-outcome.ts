import { VecshardError } from '@vecshard/client';
import type { Outcome } from '../history/operation.js';

/**
 * Statuses a vecshard server answers only before it has stored anything: the
 * request itself was refused (checked whole before any shard is written), or
 * the caller is not allowed. Everything else may come after some shard stored
 * its part. FAILED_PRECONDITION and NOT_FOUND belong there: a shard worker
 * answers them ("list … is not owned by shard …", a collection it has not
 * loaded yet) while the coordinator's other shards may already have stored
 * theirs, so they are unknown, as the checker must not assume they never
 * took effect. So is UNAVAILABLE, even grpc-js's "No connection established"
 * (the request never left): the coordinator passes a worker's status on
 * unchanged, so the same words come back when one shard's worker was out of
 * reach and another shard stored its part.
 */
const REFUSED_BEFORE_EFFECT = new Set([
  'INVALID_ARGUMENT',
  'OUT_OF_RANGE',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'UNIMPLEMENTED',
]);

/** The coordinator's admission limit turns a call away on arrival, before its handler runs. */
const ADMISSION_REFUSED = /the coordinator is serving its limit/;

/**
 * Whether a failed call certainly never took effect ("fail") or may have
 * ("unknown": timed out, cut off, or refused by one part of the cluster after
 * another acted on it). When in doubt: unknown.
 */
export function outcomeOfError(error: unknown): Exclude<Outcome, 'ok'> {
  if (!(error instanceof VecshardError)) return 'unknown';
  const { codeName, details } = error;
  if (REFUSED_BEFORE_EFFECT.has(codeName)) return 'fail';
  if (codeName === 'RESOURCE_EXHAUSTED' && ADMISSION_REFUSED.test(details)) return 'fail';
  return 'unknown';
}

/** "DEADLINE_EXCEEDED: Upsert: …" for the history. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof VecshardError && !error.message.includes(error.codeName))
    return `${error.codeName}: ${error.message}`;
  return error.message;
}
