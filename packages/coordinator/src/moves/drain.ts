import { failedPrecondition, notFound } from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';
import { type CoordinatorContext, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { DrainJobData, MoveNow, ProgressSink } from '../jobs/job-kinds.js';
import { permanent } from '../jobs/job-queue.js';
import { loadingNow } from '../recovery/collection-loading.js';
import { copiesPerWorker } from '../replicas/replica-set.js';
import type { StoredSnapshots } from '../snapshots/stored-snapshots.js';
import { moveCopy } from './move-copy.js';
import { MoveThrottle } from './move-throttle.js';
import { type LeftLoading, refillReport, waitedSoFar, waitForRefills } from './refill-wait.js';

/**
 * The "drain" job: marks the worker drained (no new placement uses it until
 * it restarts), moves every copy it holds to the placeable worker with the
 * fewest copies that holds none of that shard, while serving, and then has it
 * forget each collection. A collection being refilled (loading) is not moved
 * while its refill runs: the drain moves the others, then waits for it (see
 * refill-wait.ts) and moves it, or, if it is still loading when the wait runs
 * out, leaves it on the worker and says so in the result. Progress counts
 * lists moved.
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
  const soFar = data.soFar;
  let done = soFar?.listsMoved ?? 0;
  const total = done + listsHeld(records, data.workerId);
  const moved = [...(soFar?.collections ?? [])];
  const left: LeftLoading = new Map();
  const throttle = new MoveThrottle(ctx.moveBytesPerSecond);
  await progress(done, total);
  for (const { name } of records) {
    await serializeWrites(name, async () => {
      const record = await ctx.store.get(name);
      if (!record) return;
      // Its refill reads and fills the very copies a move would change: leave it until the refill is done.
      const loading = await loadingNow(ctx, record);
      if (loading) {
        left.set(name, loading);
        return;
      }
      const moves = {
        moving: (now: MoveNow) => progress(done, total, now),
        moved: async (lists: number, bytes: number) => {
          await throttle.moved(bytes);
          done += lists;
          await progress(done, total);
        },
      };
      await moveOff(ctx, snapshots, record, data.workerId, moves);
      moved.push(name);
    });
  }
  const waitedFor = waitedSoFar(soFar?.waitedFor, left);
  waitForRefills(ctx, left, soFar?.waitingSinceMs, (waitingSinceMs) => ({
    ...data,
    soFar: { waitingSinceMs, listsMoved: done, collections: moved, waitedFor },
  }));
  return {
    worker: data.workerId,
    listsMoved: done,
    collections: moved,
    ...refillReport(waitedFor, left),
  };
}

/**
 * Moves every copy of the collection's shards off the worker, then has it
 * forget the collection. The caller holds the collection's write queue.
 */
async function moveOff(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots | undefined,
  record: CollectionRecord,
  workerId: string,
  on: { moving: (now: MoveNow) => Promise<void>; moved: (lists: number, bytes: number) => Promise<void> },
): Promise<void> {
  for (const shard of record.placement.filter((s) => holds(s, workerId))) {
    const target = await receiver(ctx, record.name, shard.shard, workerId);
    const total = shard.lists.length;
    await on.moving({
      collection: record.name,
      shard: shard.shard,
      fromWorker: workerId,
      toWorker: target,
      done: 0,
      total,
    });
    const lists = await moveCopy(ctx, snapshots, record.name, shard.shard, workerId, target);
    // The copy's size, as the shard's expected vectors of float32 rows (IVF-Flat; less for coded indexes).
    await on.moved(lists, shard.expectedVectors * record.dim * 4);
  }
  const gone = ctx.workers.get(workerId);
  if (gone?.alive) await ctx.clients.call(gone, 'Drop', { collection: record.name }, workerDeadline(ctx));
}

/** Lists of the worker's copies over the collections. */
function listsHeld(records: CollectionRecord[], workerId: string): number {
  return records.reduce(
    (sum, r) => sum + r.placement.filter((s) => holds(s, workerId)).reduce((n, s) => n + s.lists.length, 0),
    0,
  );
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
