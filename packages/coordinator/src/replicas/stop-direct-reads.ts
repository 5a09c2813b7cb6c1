import type { CoordinatorContext } from '../context.js';
import { workerDeadline } from '../context.js';

/**
 * Tells copies that may be stale (they missed a write, or they left the shard)
 * to refuse searches from clients that route by themselves: such a client may
 * still hold a routing table listing them as ready. Best effort: a copy that
 * cannot be told is unreachable for the client too, or it is re-attached
 * (which resets it) before it is listed again.
 */
export async function stopDirectReads(
  ctx: CoordinatorContext,
  collection: string,
  copies: { shard: number; workerId: string }[],
  /** The epoch at which the copies became stale: they refuse writes routed by older ones. */
  epoch: number,
): Promise<void> {
  await Promise.allSettled(
    copies.map(({ shard, workerId }) => {
      const worker = ctx.workers.get(workerId);
      if (!worker) return Promise.resolve();
      return ctx.clients.call(
        worker,
        'StopDirectReads',
        { collection, shard, epoch: String(epoch) },
        workerDeadline(ctx),
      );
    }),
  );
}
