import * as grpc from '@grpc/grpc-js';
import { isServiceError, isWriteFenced } from '@vecshard/proto';
import type { ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, shardTarget } from '../context.js';
import type { WorkerTarget } from '../worker-clients.js';
import { readyReplicas } from './replica-set.js';

/** Statuses that say something about the request, not the copy: every copy would answer the same. */
const REQUEST_ERRORS = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.OUT_OF_RANGE,
  grpc.status.FAILED_PRECONDITION,
]);

/** One shard's write: an answer from a copy that stored it, and the copies that missed it. */
export interface ShardWrite<R> {
  answer: R;
  /** Workers whose ready copy failed, lagged or was down: they must be marked catching-up before the write is acknowledged. */
  missed: string[];
}

/**
 * Sends a write to every ready copy of a shard on a live worker. It counts
 * once one copy stored it; the other copies get the longer of `lagFloorMs`
 * and three times that first copy's time to store it too, else they are
 * reported as missed (as are copies on dead workers). Fails only when no copy
 * stored it, with the first copy's error.
 */
export async function writeToReplicas<R>(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  send: (target: WorkerTarget) => Promise<R>,
  lagFloorMs: number,
): Promise<ShardWrite<R>> {
  const ready = readyReplicas(shard);
  // A placement just changed by another coordinator may name a worker that joined after this
  // coordinator's last look at the directory (it refreshes every second).
  if (ready.some((r) => !ctx.workers.get(r.workerId))) await ctx.workers.refresh();
  const registered = ready.map((r) => ctx.workers.get(r.workerId)).filter((w) => w !== undefined);
  // When no copy's worker has a current heartbeat, the copies are tried all the same: a busy worker
  // misses beats but answers, a dead one refuses at once.
  const live = registered.some((w) => w.alive) ? registered.filter((w) => w.alive) : registered;
  if (live.length === 0) {
    shardTarget(ctx, collection, shard); // throws UNAVAILABLE naming the shard's copies
    throw new Error(`shard ${shard.shard} of collection "${collection}" has no ready copy`);
  }
  const liveIds = new Set(live.map((w) => w.id));
  const missed = ready.map((r) => r.workerId).filter((id) => !liveIds.has(id));
  const started = performance.now();
  const outcomes = live.map((target) => settle(send(target)));
  const first = await firstSuccess(outcomes);
  if (!first) {
    const errors = (await Promise.all(outcomes)).map((o) => ('error' in o ? o.error : undefined));
    throw (
      errors.find(isWriteFenced) ??
      errors.find((e) => isServiceError(e) && REQUEST_ERRORS.has(e.code)) ??
      errors[0]
    );
  }
  if (ctx.unsafeAckFirstCopy) return { answer: first.value, missed: [] };
  const graceMs = Math.max(lagFloorMs, 3 * (performance.now() - started));
  const late = { late: true } as const;
  const finished = await Promise.all(outcomes.map((o) => Promise.race([o, delay(graceMs).then(() => late)])));
  // A copy that refused the write as fenced is newer than this coordinator's view of the
  // placement: the write is routed again by the current one (it missed nothing).
  const fenced = finished.find(
    (outcome) => outcome !== late && 'error' in outcome && isWriteFenced(outcome.error),
  );
  if (fenced && fenced !== late && 'error' in fenced) throw fenced.error;
  finished.forEach((outcome, i) => {
    if (outcome === late || 'error' in outcome) missed.push(live[i].id);
  });
  return { answer: first.value, missed };
}

type Outcome<R> = { value: R } | { error: unknown };

function settle<R>(promise: Promise<R>): Promise<Outcome<R>> {
  return promise.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
}

/** The first outcome that is a success, or undefined once all have failed. */
function firstSuccess<R>(outcomes: Promise<Outcome<R>>[]): Promise<{ value: R } | undefined> {
  return new Promise((resolve) => {
    let failed = 0;
    for (const outcome of outcomes) {
      outcome.then((o) => {
        if ('value' in o) resolve(o);
        else if (++failed === outcomes.length) resolve(undefined);
      });
    }
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
