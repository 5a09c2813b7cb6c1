import type { WorkerStatsResponse__Output } from '@vecshard/proto';
import type { CollectionRecord } from './collection-record.js';
import type { CoordinatorContext } from './context.js';
import { readyReplicas } from './replicas/replica-set.js';

/** Stats of every live worker that answers within `timeoutMs`; a silent one is simply missing. */
export async function collectWorkerStats(
  ctx: CoordinatorContext,
  timeoutMs = 2000,
): Promise<Map<string, WorkerStatsResponse__Output>> {
  const deadline = Date.now() + timeoutMs;
  const live = ctx.workers.live();
  const answers = await Promise.allSettled(
    live.map((worker) => ctx.clients.call(worker, 'Stats', {}, deadline)),
  );
  const stats = new Map<string, WorkerStatsResponse__Output>();
  answers.forEach((answer, i) => {
    if (answer.status === 'fulfilled') stats.set(live[i].id, answer.value as WorkerStatsResponse__Output);
  });
  return stats;
}

/**
 * Vectors a collection holds over its shards, as far as the answering workers
 * report: each shard counted once, from a ready copy (any copy when no ready
 * one answered).
 */
export function collectionVectors(
  record: Pick<CollectionRecord, 'name' | 'placement'>,
  stats: Map<string, WorkerStatsResponse__Output>,
): number {
  let total = 0;
  for (const shard of record.placement) {
    const copies = [...readyReplicas(shard), ...shard.replicas.filter((r) => r.state !== 'ready')];
    for (const { workerId } of copies) {
      const held = stats
        .get(workerId)
        ?.collections.find((c) => c.collection === record.name && c.shard === shard.shard);
      if (held) {
        total += Number(held.vectors);
        break;
      }
    }
  }
  return total;
}
