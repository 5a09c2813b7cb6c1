import { attachReplica, finishLoading } from '../attach-shard.js';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, workerDeadline } from '../context.js';
import { LOG_START } from '../write-log.js';
import { replayWrites } from './replay-writes.js';
import { groupByList, importLists } from './stored-lists.js';
import type { StoredSnapshots } from './stored-snapshots.js';

/**
 * Gives a restarted worker its copy of a collection's shard back: the template, the
 * shard's lists from the collection's last snapshot (if it has one), then the
 * writes logged since that snapshot, so every acknowledged write is there
 * again. The shard is attached loading and answers searches only once all of
 * that is in. Resolves to the vectors restored from the snapshot and the
 * writes replayed.
 */
export async function restoreShard(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  record: CollectionRecord,
  shard: ShardPlacement,
  workerId: string,
): Promise<{ vectors: number; snapshotId?: string; replayedWrites: number }> {
  const template = await ctx.store.template(record.name);
  if (!template) throw new Error(`collection "${record.name}" has no template index`);
  await attachReplica(ctx, record, shard, workerId, template, workerDeadline(ctx), true);
  const base = record.lastSnapshot;
  let vectors = 0;
  if (base) {
    const manifest = await snapshots.read(record.name, base.id);
    const owned = new Set(shard.lists);
    const byList = groupByList(manifest.lists).filter(
      (parts) => record.routing === 'scatter' || owned.has(parts[0].list),
    );
    vectors = await importLists(ctx, snapshots, manifest, record, byList, async () => {}, {
      shard: shard.shard,
      workerId,
    });
  }
  const log = ctx.writeLog?.after(record.name, base?.logPosition ?? LOG_START);
  const replayedWrites = log ? await replayWrites(ctx, record, shard, workerId, log) : 0;
  await finishLoading(ctx, record.name, shard, workerId, workerDeadline(ctx));
  return { vectors, snapshotId: base?.id, replayedWrites };
}
