import { isWriteFenced } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';

/** A write fenced this many times in a row is reported: the placement keeps changing under it. */
const MAX_FENCED_ATTEMPTS = 5;

/**
 * Runs a write, and runs it again after a copy refused it as fenced (it was
 * routed by a placement epoch older than the copy's: this coordinator had not
 * yet heard of a refill or a demotion). The collection is read afresh from
 * the cluster state before each retry, so the write is routed by the current
 * placement. Upserts and deletes are idempotent, so copies that applied the
 * first attempt apply the same again; nothing is acknowledged until every
 * shard took it under one epoch.
 */
export async function retryFencedWrite<T>(
  ctx: CoordinatorContext,
  collection: string,
  write: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isWriteFenced(error) || attempt >= MAX_FENCED_ATTEMPTS) throw error;
      ctx.catalog.invalidate(collection);
    }
  }
}
