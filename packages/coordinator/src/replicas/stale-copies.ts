import { READ_LEASE_MS } from '@vecshard/proto';
import { type CoordinatorContext, workerDeadline } from '../context.js';

/** Beyond the lease itself: timers that fire late, and the heartbeat's own round trip. */
const LEASE_MARGIN_MS = 1000;

/**
 * Makes sure no read can reach copies that missed a write before the write is
 * acknowledged, by any path: this coordinator, another one that has not yet
 * heard of the demotion, or a client routing by an old table. Each copy is
 * fenced in Redis (its worker reads the fence with its next heartbeat), and
 * told at once where its worker answers; a copy that does not answer (hung,
 * paused, cut off) is waited out: its worker's read lease, renewed only by
 * heartbeats that would have brought the fence, lapses within READ_LEASE_MS.
 * So a write that finds a copy unreachable is acknowledged after at most that
 * long, once; later writes no longer go to the copy.
 */
export async function fenceStaleCopies(
  ctx: CoordinatorContext,
  collection: string,
  copies: { shard: number; workerId: string }[],
  epoch: number,
): Promise<void> {
  await ctx.fences.raise(collection, copies, epoch);
  const leaseOver = new Promise<void>((resolve) =>
    setTimeout(resolve, READ_LEASE_MS + LEASE_MARGIN_MS).unref(),
  );
  await Promise.all(copies.map((copy) => Promise.race([toldStale(ctx, collection, copy, epoch), leaseOver])));
}

/**
 * Tells copies that missed a write, without the cluster state, that they are
 * stale: used when Redis refuses the catching-up mark. Each worker reached
 * stops answering reads and refuses writes routed before `epoch`, and reports
 * the copy as not ready in its Stats, so the refill watch marks and refills it
 * once Redis takes changes again. Waits at most a worker deadline.
 */
export async function warnStaleCopies(
  ctx: CoordinatorContext,
  collection: string,
  copies: { shard: number; workerId: string }[],
  epoch: number,
): Promise<void> {
  const given = new Promise<void>((resolve) => setTimeout(resolve, ctx.workerTimeoutMs).unref());
  await Promise.race([Promise.all(copies.map((copy) => toldStale(ctx, collection, copy, epoch))), given]);
}

/** Resolves once the copy's worker took the news; never, if it did not (the lease decides then). */
function toldStale(
  ctx: CoordinatorContext,
  collection: string,
  { shard, workerId }: { shard: number; workerId: string },
  epoch: number,
): Promise<void> {
  const worker = ctx.workers.get(workerId);
  if (!worker) return new Promise(() => {});
  return ctx.clients
    .call(
      worker,
      'StopDirectReads',
      { collection, shard, epoch: String(epoch), stale: true },
      workerDeadline(ctx),
    )
    .then(
      () => undefined,
      () => new Promise<void>(() => {}),
    );
}
