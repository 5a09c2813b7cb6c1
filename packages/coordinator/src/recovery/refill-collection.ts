import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { RecoverJobData, ShardToRefill } from '../jobs/job-kinds.js';
import { permanent } from '../jobs/job-queue.js';
import { withWritesHeld } from '../replicas/hold-writes.js';
import { readyReplicas } from '../replicas/replica-set.js';
import { updateShard } from '../replicas/replica-states.js';
import { restoreShard } from '../snapshots/restore-shard.js';
import type { StoredSnapshots } from '../snapshots/stored-snapshots.js';
import { copyReplica } from './copy-replica.js';

/**
 * The "recover" job: refills copies of one collection's shards on the workers
 * that should hold them, and marks them ready again. A copy is copied from a
 * ready copy of the same shard on another live worker when there is one, else
 * rebuilt from the collection's last snapshot and the writes logged since.
 * Copies that move off a worker that is gone are re-placed first. Progress
 * counts copies. Writes to the collection wait meanwhile (on this coordinator),
 * so none lands between the copied state and the live stream.
 */
export async function refillCollection(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots | undefined,
  data: RecoverJobData,
  progress: (done: number, total: number) => Promise<void>,
): Promise<Record<string, unknown>> {
  const refilled: Record<string, unknown>[] = [];
  const skipped: Record<string, unknown>[] = [];
  try {
    await progress(0, data.shards.length);
    await serializeWrites(data.collection, async () => {
      await ctx.workers.refresh();
      // Copies this job has yet to fill are empty (their workers restarted), even where
      // the record still calls them ready: none is a source to copy from.
      const unfilled = new Set(data.shards.map(copyKey));
      for (const [i, wanted] of data.shards.entries()) {
        const record = await ctx.store.get(data.collection);
        const why = record ? staleBecause(ctx, record, wanted) : 'the collection was dropped';
        if (why) skipped.push({ shard: wanted.shard, worker: wanted.workerId, why });
        else refilled.push(await refillCopy(ctx, snapshots, record!, wanted, unfilled));
        unfilled.delete(copyKey(wanted));
        await progress(i + 1, data.shards.length);
      }
    });
  } finally {
    await ctx.store.clearLoadingJob(data.collection, data.jobId);
  }
  return { collection: data.collection, refilled, skipped };
}

/** Marks the copy catching-up (moving it first if it moves), fills it, and marks it ready. */
async function refillCopy(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots | undefined,
  record: CollectionRecord,
  wanted: ShardToRefill,
  unfilled: Set<string>,
): Promise<Record<string, unknown>> {
  const from = wanted.movedFrom ?? wanted.workerId;
  const placed = await updateShard(ctx, record.name, wanted.shard, (shard) => ({
    ...shard,
    replicas: shard.replicas.map((r) =>
      r.workerId === from ? { ...r, workerId: wanted.workerId, state: 'catching-up' as const } : r,
    ),
  }));
  const shard = placed.placement[wanted.shard];
  const peer = livePeer(ctx, shard, wanted.workerId, unfilled);
  if (!peer && !snapshots) {
    throw permanent(
      new Error(
        `shard ${wanted.shard} of "${record.name}" has no ready copy to copy from, and without an object ` +
          'store (--store) there is no snapshot or write log to rebuild it from',
      ),
    );
  }
  const markReady = () =>
    updateShard(ctx, record.name, wanted.shard, (s) => ({
      ...s,
      replicas: s.replicas.map((r) =>
        r.workerId === wanted.workerId && r.missedAtMs === copyMissedAt(placed, wanted)
          ? { workerId: r.workerId, state: 'ready' as const }
          : r,
      ),
    }));
  // Copied from a peer: other coordinators' writes to it are held until the copy is ready.
  const result = peer
    ? await withWritesHeld(ctx, record.name, [wanted.shard], async () => {
        const vectors = await copyReplica(ctx, placed, shard, peer, wanted.workerId);
        await markReady();
        return { copiedFrom: peer, vectors };
      })
    : await restoreShard(ctx, snapshots!, placed, shard, wanted.workerId).then(async (restored) => {
        await markReady();
        return restored;
      });
  // The copy was attached anew at this epoch: fences from before it no longer concern it.
  await ctx.fences.clear(record.name, wanted, placed.epoch ?? 0);
  return { shard: wanted.shard, worker: wanted.workerId, movedFrom: wanted.movedFrom, ...result };
}

/** When the copy being refilled last missed a write, as the refill started. */
function copyMissedAt(record: CollectionRecord, wanted: ShardToRefill): number | undefined {
  return record.placement[wanted.shard].replicas.find((r) => r.workerId === wanted.workerId)?.missedAtMs;
}

/** A ready, filled copy of the shard on another live worker, to copy from. */
function livePeer(
  ctx: CoordinatorContext,
  shard: ShardPlacement,
  except: string,
  unfilled: Set<string>,
): string | undefined {
  return readyReplicas(shard).find(
    (r) =>
      r.workerId !== except &&
      ctx.workers.get(r.workerId)?.alive &&
      !unfilled.has(copyKey({ shard: shard.shard, workerId: r.workerId })),
  )?.workerId;
}

/** Names one copy of one shard. */
function copyKey(copy: { shard: number; workerId: string }): string {
  return `${copy.shard}/${copy.workerId}`;
}

/** Why a planned refill no longer applies (the cluster moved on since it was queued), or undefined. */
function staleBecause(ctx: CoordinatorContext, record: CollectionRecord, wanted: ShardToRefill) {
  if (record.state !== 'ready') return 'the collection is not trained';
  const shard: ShardPlacement | undefined = record.placement[wanted.shard];
  if (!shard) return 'the shard no longer exists';
  // A lapsed heartbeat alone is no reason to skip: a busy worker misses beats; a dead one fails the call.
  const worker = ctx.workers.get(wanted.workerId);
  if (!worker || worker.startedAtMs !== wanted.startedAtMs) {
    return `worker ${wanted.workerId} restarted again or left; a later job refills it`;
  }
  const holders = shard.replicas.map((r) => r.workerId);
  if (wanted.movedFrom) {
    if (!holders.includes(wanted.movedFrom)) return `the copy on ${wanted.movedFrom} moved meanwhile`;
    if (holders.includes(wanted.workerId)) return `worker ${wanted.workerId} already holds a copy`;
    if (ctx.workers.get(wanted.movedFrom)?.alive)
      return `worker ${wanted.movedFrom} came back; its copy stays`;
  } else if (!holders.includes(wanted.workerId)) {
    return `the copy moved off worker ${wanted.workerId} meanwhile`;
  }
  return undefined;
}
