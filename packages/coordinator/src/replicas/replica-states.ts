import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { stopDirectReads } from './stop-direct-reads.js';

/**
 * Changes one shard of a collection in the cluster state (the record in Redis,
 * announced to every coordinator) and resolves to the new record. The change
 * is applied to the record as stored (compare and set), so changes to other
 * shards made meanwhile, by any coordinator, are kept. It raises the
 * placement epoch: the set of ready copies changes.
 */
export async function updateShard(
  ctx: CoordinatorContext,
  collection: string,
  shardNumber: number,
  change: (shard: ShardPlacement) => ShardPlacement,
): Promise<CollectionRecord> {
  const updated = await ctx.store.update(collection, (record) => ({
    ...record,
    epoch: (record.epoch ?? 0) + 1,
    placement: record.placement.map((shard) => (shard.shard === shardNumber ? change(shard) : shard)),
  }));
  ctx.catalog.invalidate(collection);
  if (!updated) throw new Error(`collection "${collection}" was dropped`);
  return updated;
}

/**
 * Marks copies that missed a write as catching-up, in one change of the
 * record: from now on no search reads them until a refill has caught them up.
 */
export async function markCatchingUp(
  ctx: CoordinatorContext,
  collection: string,
  missed: { shard: number; workerId: string }[],
): Promise<void> {
  if (missed.length === 0) return;
  const missedAtMs = Date.now();
  const updated = await ctx.store.update(collection, (record) => ({
    ...record,
    epoch: (record.epoch ?? 0) + 1,
    placement: record.placement.map((shard) => ({
      ...shard,
      replicas: shard.replicas.map((replica) =>
        missed.some((m) => m.shard === shard.shard && m.workerId === replica.workerId)
          ? { ...replica, state: 'catching-up' as const, missedAtMs }
          : replica,
      ),
    })),
  }));
  ctx.catalog.invalidate(collection);
  if (!updated) return;
  // Not awaited: a copy that missed the write is often hung, and the write's
  // acknowledgement must not wait on it. The message is queued on its channel.
  void stopDirectReads(ctx, collection, missed, updated.epoch ?? 0);
}
