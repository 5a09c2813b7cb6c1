import * as grpc from '@grpc/grpc-js';
import { isServiceError, unavailable } from '@vecshard/proto';
import type { ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, type ShardReads, shardTarget } from '../context.js';
import { replicaMetrics } from '../metrics.js';
import type { WorkerTarget } from '../worker-clients.js';
import { HedgeBudget } from './hedge-budget.js';
import { ReplicaLoad } from './replica-load.js';
import { readyReplicas } from './replica-set.js';

export interface ReplicaReadOptions {
  /** Ask a second copy when the first is slow; default on. */
  hedging?: boolean;
  /** The hedging delay never goes below this; default 5 ms. */
  hedgeFloorMs?: number;
  /** Share of reads that may be hedged over time; default 0.05. */
  hedgeRatio?: number;
}

/**
 * A read slower than this quantile of the shard's recent reads is hedged. At
 * p99, ordinary tail latency asks for about 1 % of hedges, which leaves most
 * of the budget for a copy that really stalls.
 */
const HEDGE_QUANTILE = 0.99;

/**
 * A read still unanswered after this many hedging delays is waiting on a copy
 * that has stopped (hung, paused, partitioned): it gets its twin even when the
 * budget is spent. Ordinary tails never get that slow, so this adds no load
 * in normal operation.
 */
const STOPPED_AFTER = 20;

/**
 * Runs `step` once the answers that already arrived have been handled: a timer
 * that fires late, after the event loop was busy, must not hedge a read whose
 * answer is waiting to be read.
 */
function afterPendingAnswers(step: () => void): void {
  setImmediate(step);
}

/** The error of a read whose every copy is on a worker that stopped sending heartbeats, and did not answer. */
function silent(collection: string, shard: ShardPlacement, targets: WorkerTarget[], error: unknown): Error {
  const where = targets.map((t) => `${t.id} (${t.address})`).join(', ');
  const details = error instanceof Error ? error.message : String(error);
  return unavailable(
    `shard ${shard.shard} of collection "${collection}" lives on worker ${where}, which stopped sending ` +
      `heartbeats and did not answer: ${details}`,
  );
}

/** Statuses that say something about the request, not the copy: another copy would answer the same. */
const REQUEST_ERRORS = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.OUT_OF_RANGE,
  grpc.status.FAILED_PRECONDITION,
]);

/**
 * Reads of one shard from one of its ready copies. The copy is chosen by
 * load; a copy that fails is followed by the next within the caller's
 * deadline; a copy slower than the shard's recent p99 gets a twin request to
 * another copy, the first answer wins and the other is cancelled, within a
 * budget of extra requests.
 */
export class ReplicaReads implements ShardReads {
  readonly load = new ReplicaLoad();
  private readonly budget: HedgeBudget;
  private readonly hedging: boolean;
  private readonly floorMs: number;

  constructor(options: ReplicaReadOptions = {}) {
    this.hedging = options.hedging ?? true;
    this.floorMs = options.hedgeFloorMs ?? 5;
    this.budget = new HedgeBudget(options.hedgeRatio ?? 0.05);
  }

  async read<T>(
    ctx: CoordinatorContext,
    collection: string,
    shard: ShardPlacement,
    send: (target: WorkerTarget, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    // A placement just changed by another coordinator may name a worker that joined after this
    // coordinator's last look at the directory (it refreshes every second).
    if (readyReplicas(shard).some((r) => !ctx.workers.get(r.workerId))) await ctx.workers.refresh();
    const { targets: candidates, lapsed } = this.candidates(ctx, collection, shard);
    const key = `${collection}/${shard.shard}`;
    replicaMetrics.read();
    this.budget.earn();
    return new Promise<T>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      let settled = false;
      let hedgeTimer: NodeJS.Timeout | undefined;
      const launched: { target: WorkerTarget; controller: AbortController; done: boolean }[] = [];
      const finish = (outcome: () => void, winner?: AbortController) => {
        settled = true;
        clearTimeout(hedgeTimer);
        for (const call of launched) {
          if (call.controller === winner || call.done) continue;
          // Still running when another copy answered: it was overtaken.
          if (winner) this.load.markSlow(call.target.id);
          call.controller.abort();
        }
        outcome();
      };
      const launch = () => {
        const target = candidates[next++];
        const controller = new AbortController();
        const call = { target, controller, done: false };
        launched.push(call);
        const done = this.load.begin(target.id, key);
        inFlight++;
        send(target, controller.signal).then(
          (value) => {
            call.done = true;
            done(true);
            inFlight--;
            if (!settled) finish(() => resolve(value), controller);
          },
          (error) => {
            call.done = true;
            done(false);
            inFlight--;
            if (settled) return;
            if (isServiceError(error) && REQUEST_ERRORS.has(error.code)) finish(() => reject(error));
            else if (next < candidates.length) {
              replicaMetrics.failedOver();
              launch();
            } else if (inFlight === 0)
              finish(() => reject(lapsed ? silent(collection, shard, candidates, error) : error));
          },
        );
      };
      launch();
      if (this.hedging && candidates.length > 1) {
        const delay = Math.max(this.floorMs, this.load.quantile(key, HEDGE_QUANTILE) ?? this.floorMs);
        const hedge = (overBudget: boolean) => {
          if (settled || next >= candidates.length) return;
          // Slow right now: later reads go to the other copies first, hedge or not.
          this.load.markSlow(launched[0].target.id);
          if (overBudget || this.budget.trySpend()) {
            replicaMetrics.hedged();
            launch();
          } else {
            // Out of budget: a copy that has stopped still gets a twin, much later.
            hedgeTimer = setTimeout(() => afterPendingAnswers(() => hedge(true)), STOPPED_AFTER * delay);
          }
        };
        hedgeTimer = setTimeout(() => afterPendingAnswers(() => hedge(false)), delay);
      }
    });
  }

  /**
   * The ready copies on live workers, least loaded first. When none is on a
   * live worker, those on workers whose heartbeat lapsed are tried all the
   * same (`lapsed`): a worker busy for a few seconds misses beats but
   * answers, a dead one refuses at once. UNAVAILABLE naming the shard when
   * there is no ready copy at all.
   */
  private candidates(
    ctx: CoordinatorContext,
    collection: string,
    shard: ShardPlacement,
  ): { targets: WorkerTarget[]; lapsed: boolean } {
    const registered = readyReplicas(shard)
      .map((replica) => ctx.workers.get(replica.workerId))
      .filter((worker) => worker !== undefined);
    const live = registered.filter((worker) => worker.alive);
    const usable = live.length > 0 ? live : registered;
    if (usable.length === 0) {
      // Names the shard and why its copies cannot serve.
      shardTarget(ctx, collection, shard);
      throw unavailable(
        `shard ${shard.shard} of collection "${collection}" has no ready copy on a live worker`,
      );
    }
    const byId = new Map(usable.map((worker) => [worker.id, worker]));
    return {
      targets: this.load.order([...byId.keys()]).map((id) => byId.get(id)!),
      lapsed: live.length === 0,
    };
  }
}
