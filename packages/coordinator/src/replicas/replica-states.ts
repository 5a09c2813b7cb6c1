import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { stopDirectReads } from './stop-direct-reads.js';

/**
 * Changes one shard of a collection in the cluster state (the record in Redis,
 * announced to every coordinator) and resolves to the new record. The record
 * is read afresh, so changes to other shards made meanwhile are kept.
 */
export async function updateShard(
  ctx: CoordinatorContext,
  collection: string,
  shardNumber: number,
  change: (shard: ShardPlacement) => ShardPlacement,
): Promise<CollectionRecord> {
  const record = await ctx.store.get(collection);
  if (!record) throw new Error(`collection "${collection}" was dropped`);
  const placement = record.placement.map((shard) => (shard.shard === shardNumber ? change(shard) : shard));
  const updated = { ...record, placement };
  await ctx.store.save(updated);
  ctx.catalog.invalidate(collection);
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
  const record = await ctx.store.get(collection);
  if (!record) return;
  const placement = record.placement.map((shard) => ({
    ...shard,
    replicas: shard.replicas.map((replica) =>
      missed.some((m) => m.shard === shard.shard && m.workerId === replica.workerId)
        ? { ...replica, state: 'catching-up' as const, missedAtMs: Date.now() }
        : replica,
    ),
  }));
  await ctx.store.save({ ...record, epoch: (record.epoch ?? 0) + 1, placement });
  ctx.catalog.invalidate(collection);
  // Not awaited: a copy that missed the write is often hung, and the write's
  // acknowledgement must not wait on it. The message is queued on its channel.
  void stopDirectReads(ctx, collection, missed);
}
