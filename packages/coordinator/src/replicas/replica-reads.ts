import * as grpc from '@grpc/grpc-js';
import { isServiceError, unavailable } from '@vecshard/proto';
import type { ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, shardTarget } from '../context.js';
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

/** Statuses that say something about the request, not the copy: another copy would answer the same. */
const REQUEST_ERRORS = new Set([grpc.status.INVALID_ARGUMENT, grpc.status.OUT_OF_RANGE]);

/**
 * Reads of one shard from one of its ready copies. The copy is chosen by
 * load; a copy that fails is followed by the next within the caller's
 * deadline; a copy slower than the shard's recent p95 gets a twin request to
 * another copy, the first answer wins and the other is cancelled, within a
 * budget of extra requests.
 */
export class ReplicaReads {
  readonly load = new ReplicaLoad();
  private readonly budget: HedgeBudget;
  private readonly hedging: boolean;
  private readonly floorMs: number;

  constructor(options: ReplicaReadOptions = {}) {
    this.hedging = options.hedging ?? true;
    this.floorMs = options.hedgeFloorMs ?? 5;
    this.budget = new HedgeBudget(options.hedgeRatio ?? 0.05);
  }

  read<T>(
    ctx: CoordinatorContext,
    collection: string,
    shard: ShardPlacement,
    send: (target: WorkerTarget, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const candidates = this.candidates(ctx, collection, shard);
    const key = `${collection}/${shard.shard}`;
    replicaMetrics.read();
    this.budget.earn();
    return new Promise<T>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      let settled = false;
      let hedgeTimer: NodeJS.Timeout | undefined;
      const controllers: AbortController[] = [];
      const finish = (outcome: () => void, winner?: AbortController) => {
        settled = true;
        clearTimeout(hedgeTimer);
        for (const controller of controllers) if (controller !== winner) controller.abort();
        outcome();
      };
      const launch = () => {
        const target = candidates[next++];
        const controller = new AbortController();
        controllers.push(controller);
        const done = this.load.begin(target.id, key);
        inFlight++;
        send(target, controller.signal).then(
          (value) => {
            done(true);
            inFlight--;
            if (!settled) finish(() => resolve(value), controller);
          },
          (error) => {
            done(false);
            inFlight--;
            if (settled) return;
            if (isServiceError(error) && REQUEST_ERRORS.has(error.code)) finish(() => reject(error));
            else if (next < candidates.length) {
              replicaMetrics.failedOver();
              launch();
            } else if (inFlight === 0) finish(() => reject(error));
          },
        );
      };
      launch();
      if (this.hedging && candidates.length > 1) {
        const delay = Math.max(this.floorMs, this.load.quantile(key, 0.95) ?? this.floorMs);
        hedgeTimer = setTimeout(() => {
          if (!settled && next < candidates.length && this.budget.trySpend()) {
            replicaMetrics.hedged();
            launch();
          }
        }, delay);
      }
    });
  }

  /** The ready copies on live workers, least loaded first; UNAVAILABLE naming the shard when there is none. */
  private candidates(ctx: CoordinatorContext, collection: string, shard: ShardPlacement): WorkerTarget[] {
    const live = readyReplicas(shard)
      .map((replica) => ctx.workers.get(replica.workerId))
      .filter((worker) => worker?.alive);
    if (live.length === 0) {
      // Names the shard and why its copies cannot serve.
      shardTarget(ctx, collection, shard);
      throw unavailable(
        `shard ${shard.shard} of collection "${collection}" has no ready copy on a live worker`,
      );
    }
    const byId = new Map(live.map((worker) => [worker!.id, worker!]));
    return this.load.order([...byId.keys()]).map((id) => byId.get(id)!);
  }
}
