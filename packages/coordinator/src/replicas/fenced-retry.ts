import { isWriteFenced } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';

/** First pause after a fenced write, doubled each time up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 20;
const MAX_PAUSE_MS = 500;

/** How a worker's "not attached" reads once the coordinator has worded it (worker-clients.ts). */
const NOT_HELD = /does not hold its shard yet/;

/**
 * Runs a write, and runs it again after a copy refused it as fenced: it was
 * routed by a placement epoch older than the copy's (this coordinator had not
 * yet heard of a refill or a demotion), or the copy holds writes while
 * another coordinator copies the shard. Also when the write failed because a
 * worker no longer holds the shard and the placement has changed since the
 * write was routed: the copy moved away (a drain) and this coordinator had
 * not heard of it yet. The collection is read afresh from the cluster state
 * before each retry, so the write is routed by the current placement; pauses
 * grow (a copy can take seconds) until `deadline` (ms since the epoch), after
 * which the refusal is reported. Upserts and deletes are idempotent, so
 * copies that applied an earlier attempt apply the same again; nothing is
 * acknowledged until every shard took it under one epoch.
 */
export async function retryFencedWrite<T>(
  ctx: CoordinatorContext,
  collection: string,
  deadline: number,
  write: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const routedBy = (await ctx.catalog.get(collection)).record.epoch ?? 0;
    try {
      return await write();
    } catch (error) {
      const pause = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt);
      if (Date.now() + pause >= deadline) throw error;
      if (isWriteFenced(error)) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        ctx.catalog.invalidate(collection);
      } else if (NOT_HELD.test(String((error as Error)?.message))) {
        ctx.catalog.invalidate(collection);
        const now = (await ctx.catalog.get(collection)).record.epoch ?? 0;
        if (now === routedBy) throw error;
      } else throw error;
    }
  }
}
