import type { CollectionRecord } from '../collection-record.js';
import { type CoordinatorContext, shardTarget, workerDeadline } from '../context.js';

/** Vectors in each list now, as a ready copy of each shard reports them. */
export async function listVectors(ctx: CoordinatorContext, record: CollectionRecord): Promise<Float64Array> {
  const counts = new Float64Array(record.nlist);
  for (const shard of record.placement) {
    if (shard.lists.length === 0) continue;
    const { digests } = await ctx.clients.call(
      shardTarget(ctx, record.name, shard),
      'ListDigests',
      { collection: record.name, shard: shard.shard },
      workerDeadline(ctx),
    );
    for (const digest of digests) counts[digest.list] = Number(digest.vectors);
  }
  return counts;
}
