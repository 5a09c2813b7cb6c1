import type { WorkerStatsResponse__Output } from '@vecshard/proto';
import type { CoordinatorContext } from './context.js';

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

/** Vectors a collection holds over its shards, as far as the answering workers report. */
export function collectionVectors(name: string, stats: Map<string, WorkerStatsResponse__Output>): number {
  let total = 0;
  for (const worker of stats.values()) {
    for (const collection of worker.collections)
      if (collection.collection === name) total += Number(collection.vectors);
  }
  return total;
}
