import type { WorkerStatsResponse__Output } from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { collectWorkerStats } from '../worker-stats.js';

/** What each live worker reported holding just now, by worker id. */
export type HeldNow = Map<string, WorkerStatsResponse__Output>;

/**
 * Why a trained collection is loading, or undefined when every shard is
 * served: a refill job is marked on it, some shard has no ready copy, or a
 * copy the record calls ready is not held (filled) by its worker, which
 * restarted empty and whose refill the watch is about to queue. GetCollection
 * reads LOADING exactly then, and placement moves leave the collection alone.
 */
export function loadingBecause(
  record: CollectionRecord,
  loadingJob: string | undefined,
  held: HeldNow | undefined,
): string | undefined {
  if (loadingJob) return `its refill (job ${loadingJob}) has not finished`;
  for (const shard of record.placement) {
    if (!shard.replicas.some((replica) => replica.state === 'ready'))
      return `shard ${shard.shard} has no ready copy`;
    const empty = shard.replicas.find(
      (replica) =>
        replica.state === 'ready' && !holdsServing(held, record.name, shard.shard, replica.workerId),
    );
    if (empty) return `worker ${empty.workerId} restarted and does not hold shard ${shard.shard} yet`;
  }
  return undefined;
}

/**
 * Whether the worker holds the shard, filled, as far as its stats say; a
 * worker that did not answer (or no stats at all) is not judged here.
 */
export function holdsServing(
  held: HeldNow | undefined,
  collection: string,
  shard: number,
  workerId: string,
): boolean {
  const answer = held?.get(workerId);
  if (!answer) return true;
  return answer.collections.some((c) => c.collection === collection && c.shard === shard && !c.loading);
}

/** Why the collection is loading now (asking the workers what they hold), or undefined. */
export async function loadingNow(ctx: CoordinatorContext, record: CollectionRecord) {
  // A worker that restarted a moment ago is asked at its new address.
  await ctx.workers.refresh();
  const [loadingJob, held] = await Promise.all([ctx.store.loadingJob(record.name), collectWorkerStats(ctx)]);
  return loadingBecause(record, loadingJob, held);
}
