import type { CoordinatorContext } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { RecoverJobData } from '../jobs/job-kinds.js';
import { restoreShard } from './restore-shard.js';
import type { StoredSnapshots } from './stored-snapshots.js';

/**
 * Re-attaches every shard a restarted worker owned and refills it from the
 * newest snapshot of its collection.
 */
export async function recoverWorker(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  data: RecoverJobData,
  progress: (done: number, total: number) => Promise<void>,
): Promise<Record<string, unknown>> {
  await ctx.workers.refresh();
  const worker = ctx.workers.get(data.workerId);
  if (!worker || worker.startedAtMs !== data.startedAtMs) {
    return { skipped: `worker ${data.workerId} restarted again or left; a later job recovers it` };
  }
  const records = (await Promise.all((await ctx.store.names()).map((name) => ctx.store.get(name)))).filter(
    (record) =>
      record?.state === 'ready' && record.placement.some((shard) => shard.workerId === data.workerId),
  );
  const restored: Record<string, unknown>[] = [];
  for (const [i, found] of records.entries()) {
    // Writes wait meanwhile, so none lands between the replayed log and the live stream.
    await serializeWrites(found!.name, async () => {
      const record = await ctx.store.get(found!.name);
      for (const shard of record?.placement.filter((s) => s.workerId === data.workerId) ?? []) {
        const result = await restoreShard(ctx, snapshots, record!, shard);
        restored.push({ collection: record!.name, shard: shard.shard, ...result });
      }
    });
    await progress(i + 1, records.length);
  }
  return { worker: data.workerId, restored };
}
