import type { CoordinatorContext } from '../context.js';
import { replicaTarget, workerDeadline } from '../context.js';
import { readyReplicas } from './replica-set.js';

/**
 * Runs `copy` (a refill from a peer, a list or copy move) with the writes
 * other coordinators send to the given shards held. A coordinator holds its
 * own writes to the collection while it copies (serializeWrites), but another
 * one would still write to the source copy after its content was read, and
 * the new copy would miss that acknowledged write. So first the record's epoch
 * is raised to E, and every ready copy of those shards refuses writes routed
 * below E + 1 ("write fenced"): a write from another coordinator is then not
 * acknowledged, and is routed again (it retries with backoff) once `copy` has
 * switched the placement, which raises the epoch to E + 1 or beyond. If `copy`
 * fails, the epoch is raised all the same, so the held copies take writes
 * again under the placement that stays.
 */
export async function withWritesHeld<T>(
  ctx: CoordinatorContext,
  collection: string,
  shards: number[],
  /** Runs once the copies hold writes; told the epoch below which they refuse them. */
  copy: (floor: number) => Promise<T>,
): Promise<T> {
  const raised = await ctx.store.update(collection, (record) => ({
    ...record,
    epoch: (record.epoch ?? 0) + 1,
  }));
  ctx.catalog.invalidate(collection);
  if (!raised) throw new Error(`collection "${collection}" was dropped`);
  const floor = (raised.epoch ?? 0) + 1;
  try {
    await Promise.all(
      shards.flatMap((number) => {
        const shard = raised.placement[number];
        return readyReplicas(shard)
          .filter((replica) => ctx.workers.get(replica.workerId)?.alive)
          .map((replica) =>
            ctx.clients.call(
              replicaTarget(ctx, collection, shard, replica.workerId),
              'HoldWrites',
              { collection, shard: number, epoch: String(floor) },
              workerDeadline(ctx),
            ),
          );
      }),
    );
    return await copy(floor);
  } catch (error) {
    await releaseHeldWrites(ctx, collection, floor);
    throw error;
  }
}

/** Raises the record's epoch to at least `floor`, so that copies holding writes below it take them again. */
async function releaseHeldWrites(ctx: CoordinatorContext, collection: string, floor: number): Promise<void> {
  await ctx.store
    .update(collection, (record) => ({ ...record, epoch: Math.max(record.epoch ?? 0, floor) }))
    .catch(() => undefined);
  ctx.catalog.invalidate(collection);
}
