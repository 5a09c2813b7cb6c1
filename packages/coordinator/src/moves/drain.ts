import { failedPrecondition, notFound } from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';
import { type CoordinatorContext, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { DrainJobData, ProgressSink } from '../jobs/job-kinds.js';
import { permanent } from '../jobs/job-queue.js';
import { copiesPerWorker } from '../replicas/replica-set.js';
import type { StoredSnapshots } from '../snapshots/stored-snapshots.js';
import { moveCopy } from './move-copy.js';
import { MoveThrottle } from './move-throttle.js';

/**
 * The "drain" job: marks the worker drained (no new placement uses it until
 * it restarts), moves every copy it holds to the placeable worker with the
 * fewest copies that holds none of that shard, while serving, and then has it
 * forget each collection. Progress counts lists moved.
 */
export async function drain(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots | undefined,
  data: DrainJobData,
  progress: ProgressSink,
): Promise<Record<string, unknown>> {
  await ctx.workers.refresh();
  const worker = ctx.workers.get(data.workerId);
  if (!worker) throw permanent(notFound(`worker "${data.workerId}" is not registered`));
  await ctx.workers.markDrained(worker);
  const records = await holding(ctx, data.workerId);
  const total = records.reduce(
    (sum, r) =>
      sum + r.placement.filter((s) => holds(s, data.workerId)).reduce((n, s) => n + s.lists.length, 0),
    0,
  );
  let done = 0;
  const throttle = new MoveThrottle(ctx.moveBytesPerSecond);
  await progress(0, total);
  for (const { name } of records) {
    await serializeWrites(name, async () => {
      const record = await ctx.store.get(name);
      for (const shard of record?.placement.filter((s) => holds(s, data.workerId)) ?? []) {
        const target = await receiver(ctx, name, shard.shard, data.workerId);
        const lists = await moveCopy(ctx, snapshots, name, shard.shard, data.workerId, target);
        // The copy's size, as the shard's expected vectors of float32 rows (IVF-Flat; less for coded indexes).
        await throttle.moved(shard.expectedVectors * (record?.dim ?? 0) * 4);
        done += lists;
        await progress(done, total);
      }
      const gone = ctx.workers.get(data.workerId);
      if (gone?.alive) await ctx.clients.call(gone, 'Drop', { collection: name }, workerDeadline(ctx));
    });
  }
  return { worker: data.workerId, listsMoved: done, collections: records.map((r) => r.name) };
}

function holds(shard: CollectionRecord['placement'][number], workerId: string): boolean {
  return shard.replicas.some((r) => r.workerId === workerId);
}

async function holding(ctx: CoordinatorContext, workerId: string): Promise<CollectionRecord[]> {
  const records = await ctx.store.all();
  return records.filter((r) => r.state === 'ready' && r.placement.some((s) => holds(s, workerId)));
}

/** The placeable worker with the fewest copies overall that holds no copy of the shard. */
async function receiver(ctx: CoordinatorContext, collection: string, shardNumber: number, leaving: string) {
  const records = await ctx.store.all();
  const copies = copiesPerWorker(records);
  const shard = records.find((r) => r.name === collection)?.placement[shardNumber];
  const holders = new Set(shard?.replicas.map((r) => r.workerId));
  const candidates = ctx.workers
    .placeable()
    .filter((w) => w.id !== leaving && !holders.has(w.id))
    .sort((a, b) => (copies.get(a.id) ?? 0) - (copies.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  if (candidates.length === 0) {
    throw permanent(
      failedPrecondition(
        `no live worker can take shard ${shardNumber} of "${collection}" from ${leaving}: every placeable worker ` +
          'already holds a copy of it (start another worker, or lower the replication factor)',
      ),
    );
  }
  return candidates[0].id;
}
