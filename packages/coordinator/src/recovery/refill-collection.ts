import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { RecoverJobData, ShardToRefill } from '../jobs/job-kinds.js';
import { restoreShard } from '../snapshots/restore-shard.js';
import type { StoredSnapshots } from '../snapshots/stored-snapshots.js';

/**
 * The "recover" job: refills shards of one collection on the workers that
 * should hold them, from the collection's last snapshot and the writes logged
 * since, re-placing first the shards that move off a worker that is gone.
 * Progress counts shards. Writes to the collection wait meanwhile (on this
 * coordinator), so none lands between the replayed log and the live stream.
 */
export async function refillCollection(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  data: RecoverJobData,
  progress: (done: number, total: number) => Promise<void>,
): Promise<Record<string, unknown>> {
  const refilled: Record<string, unknown>[] = [];
  const skipped: Record<string, unknown>[] = [];
  try {
    await progress(0, data.shards.length);
    await serializeWrites(data.collection, async () => {
      await ctx.workers.refresh();
      for (const [i, wanted] of data.shards.entries()) {
        const record = await ctx.store.get(data.collection);
        const why = record ? staleBecause(ctx, record, wanted) : 'the collection was dropped';
        if (why) skipped.push({ shard: wanted.shard, worker: wanted.workerId, why });
        else {
          const placed = wanted.movedFrom ? await movePlacement(ctx, record!, wanted) : record!;
          const shard = placed.placement[wanted.shard];
          const result = await restoreShard(ctx, snapshots, placed, shard);
          refilled.push({
            shard: wanted.shard,
            worker: wanted.workerId,
            movedFrom: wanted.movedFrom,
            ...result,
          });
        }
        await progress(i + 1, data.shards.length);
      }
    });
  } finally {
    await ctx.store.clearLoadingJob(data.collection, data.jobId);
  }
  return { collection: data.collection, refilled, skipped };
}

/** Why a planned refill no longer applies (the cluster moved on since it was queued), or undefined. */
function staleBecause(ctx: CoordinatorContext, record: CollectionRecord, wanted: ShardToRefill) {
  if (record.state !== 'ready') return 'the collection is not trained';
  const shard: ShardPlacement | undefined = record.placement[wanted.shard];
  if (!shard) return 'the shard no longer exists';
  const worker = ctx.workers.get(wanted.workerId);
  if (!worker?.alive || worker.startedAtMs !== wanted.startedAtMs) {
    return `worker ${wanted.workerId} restarted again or left; a later job refills it`;
  }
  const owner = wanted.movedFrom ?? wanted.workerId;
  if (shard.workerId !== owner) return `the shard moved to worker ${shard.workerId} meanwhile`;
  if (wanted.movedFrom && ctx.workers.get(wanted.movedFrom)?.alive) {
    return `worker ${wanted.movedFrom} came back; its shard stays there`;
  }
  return undefined;
}

/** Places the shard on its new worker in the cluster state; every coordinator routes there from now on. */
async function movePlacement(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  wanted: ShardToRefill,
): Promise<CollectionRecord> {
  const placement = record.placement.map((shard) =>
    shard.shard === wanted.shard ? { ...shard, workerId: wanted.workerId } : shard,
  );
  const moved = { ...record, placement };
  await ctx.store.save(moved);
  ctx.catalog.invalidate(record.name);
  return moved;
}
