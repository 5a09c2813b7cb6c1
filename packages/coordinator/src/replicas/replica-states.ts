import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { fenceStaleCopies, warnStaleCopies } from './stale-copies.js';

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
 * record, and fences them: once this resolves no read reaches them, through
 * any coordinator or client, until a refill has caught them up.
 */
export async function markCatchingUp(
  ctx: CoordinatorContext,
  collection: string,
  missed: { shard: number; workerId: string }[],
): Promise<void> {
  if (missed.length === 0) return;
  const missedAtMs = Date.now();
  const updated = await ctx.store
    .update(collection, (record) => ({
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
    }))
    .catch(async (error: unknown) => {
      // Redis refused the change (no replica in reach, a failover): the copies are told
      // directly, so no read reaches one that missed a write its peers hold.
      const routedBy = (await ctx.catalog.get(collection).catch(() => undefined))?.record.epoch ?? 0;
      await warnStaleCopies(ctx, collection, missed, routedBy + 1);
      throw error;
    });
  ctx.catalog.invalidate(collection);
  if (!updated) return;
  await fenceStaleCopies(ctx, collection, missed, updated.epoch ?? 0);
}
