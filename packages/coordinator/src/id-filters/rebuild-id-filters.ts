import { decodeIds } from '@vecshard/proto';
import { type CoordinatorContext, shardTarget, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import { withWritesHeld } from '../replicas/hold-writes.js';
import { keepsIdFilters } from './id-filters.js';

/** Ids read from a shard per ReadRows call. */
const PAGE = 65_536;

/** What a rebuild did: the ids it read from each shard, or why it did nothing. */
export type RebuildResult = { ids: number; shards: number } | { skipped: string };

/**
 * Fills a collection's id filters from the ids its shards hold, for a
 * collection whose filters are missing (trained before they existed, or lost)
 * or were left half built. Writes wait meanwhile: this coordinator's in its
 * write queue, others' are held on every ready copy (the placement epoch is
 * raised; they are refused and routed again once it rises once more), and a
 * hold answers only once the writes it admitted before are applied. So every
 * id is either on a shard when it is read (and set in that shard's filter),
 * or written after the filters are ready, by a write that sets it itself. A
 * list move running on another coordinator at the same time fails its copy
 * (the epoch rose under it) and gives its lists back.
 */
export async function rebuildIdFilters(ctx: CoordinatorContext, name: string): Promise<RebuildResult> {
  return serializeWrites(name, async () => {
    const record = await ctx.store.get(name);
    if (record?.state !== 'ready') return { skipped: 'the collection is not trained' };
    if (!keepsIdFilters(record)) return { skipped: 'scatter routing keeps no id filters' };
    if ((await ctx.idFilters.state(name)) === 'ready') return { skipped: 'the filters are ready' };
    let ids = 0;
    const shards = record.placement.map((shard) => shard.shard);
    await withWritesHeld(ctx, name, shards, async () => {
      const held = await ctx.store.get(name);
      if (!held) throw new Error(`collection "${name}" was dropped`);
      if (held.placement.length !== shards.length)
        throw new Error(`the shards of "${name}" changed while the id filters were being rebuilt`);
      await ctx.idFilters.create(name, held.placement.length, 'building');
      for (const shard of held.placement) {
        const source = shardTarget(ctx, name, shard);
        let after: bigint | undefined;
        for (;;) {
          const page = await ctx.clients.call(
            source,
            'ReadRows',
            {
              collection: name,
              shard: shard.shard,
              filter: null,
              hasAfter: after !== undefined,
              after: String(after ?? 0n),
              limit: PAGE,
              outputFields: [],
              withVectors: false,
            },
            workerDeadline(ctx),
          );
          const found = decodeIds(page.ids);
          if (found.length > 0) await ctx.idFilters.add(name, shard.shard, found);
          ids += found.length;
          if (found.length < PAGE) break;
          after = found[found.length - 1];
        }
      }
      await ctx.idFilters.markReady(name);
      // The held copies take writes again (routed by the filters) once the epoch rises past the hold.
      await ctx.store.update(name, (stored) => ({ ...stored, epoch: (stored.epoch ?? 0) + 1 }));
      ctx.catalog.invalidate(name);
    });
    return { ids, shards: shards.length };
  });
}
