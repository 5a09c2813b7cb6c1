import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { permanent } from '../jobs/job-queue.js';
import { copyReplica } from '../recovery/copy-replica.js';
import { withWritesHeld } from '../replicas/hold-writes.js';
import { readyReplicas } from '../replicas/replica-set.js';
import { stopDirectReads } from '../replicas/stop-direct-reads.js';
import { restoreShard } from '../snapshots/restore-shard.js';
import type { StoredSnapshots } from '../snapshots/stored-snapshots.js';
import { searchesRoutedBefore } from './move-lists.js';

/**
 * Moves one copy of a shard to another worker while serving: the new copy is
 * filled from a ready copy (the moving one first) or, when there is none,
 * from the last snapshot and the write log; the placement then names the new
 * worker, with a new epoch, and resolves once no search routed under the old
 * epoch is under way here, so the old copy may be dropped. The caller holds
 * the collection's write queue. Resolves to the lists moved.
 */
export async function moveCopy(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots | undefined,
  collection: string,
  shardNumber: number,
  fromWorker: string,
  toWorker: string,
): Promise<number> {
  const record = await ctx.store.get(collection);
  if (!record) throw new Error(`collection "${collection}" was dropped`);
  const shard = record.placement[shardNumber];
  const sources = readyReplicas(shard)
    .map((r) => r.workerId)
    .filter((id) => id !== toWorker && ctx.workers.get(id)?.alive)
    .sort((a, b) => Number(b === fromWorker) - Number(a === fromWorker));
  const moveCopy = (stored: CollectionRecord): CollectionRecord => ({
    ...stored,
    epoch: (stored.epoch ?? 0) + 1,
    placement: stored.placement.map((s) =>
      s.shard === shardNumber
        ? {
            ...s,
            replicas: s.replicas.map((r) =>
              r.workerId === fromWorker ? { workerId: toWorker, state: 'ready' as const } : r,
            ),
          }
        : s,
    ),
  });
  const moved = moveCopy(record);
  if (sources.length === 0 && !snapshots) {
    throw permanent(
      new Error(
        `shard ${shardNumber} of "${collection}" has no ready copy to copy from and there is no object store ` +
          'to rebuild it from',
      ),
    );
  }
  // Other coordinators' writes to the shard are held from before the copy until the switch.
  const switched = await withWritesHeld(ctx, collection, [shardNumber], async () => {
    if (sources.length > 0) await copyReplica(ctx, record, shard, sources[0], toWorker);
    else await restoreShard(ctx, snapshots!, moved, moved.placement[shardNumber], toWorker);
    // Applied to the record as stored now: copies other coordinators marked catching-up meanwhile stay so.
    return ctx.store.update(collection, (stored) => {
      if (!stored.placement[shardNumber]?.replicas.some((r) => r.workerId === fromWorker))
        throw new Error(
          `the copy of shard ${shardNumber} of "${collection}" on ${fromWorker} moved meanwhile`,
        );
      return moveCopy(stored);
    });
  });
  ctx.catalog.invalidate(collection);
  if (!switched) throw permanent(new Error(`collection "${collection}" was dropped`));
  await stopDirectReads(ctx, collection, [{ shard: shardNumber, workerId: fromWorker }], switched.epoch ?? 0);
  await searchesRoutedBefore(ctx, collection, (switched.epoch ?? 1) - 1);
  return shard.lists.length;
}
