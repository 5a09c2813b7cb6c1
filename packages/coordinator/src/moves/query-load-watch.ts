import type { CoordinatorContext } from '../context.js';
import type { RebalanceJobData } from '../jobs/job-kinds.js';
import { QUERY_SKEW_TOLERANCE, queryWeights, skewOf } from '../placement/query-load-plan.js';

export interface QueryLoadWatchOptions {
  /** Queues a job under an id (an id already queued, running or done is not queued again). */
  ensureJob: (data: RebalanceJobData, jobId: string) => Promise<unknown>;
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Rebalances by query load without an operator: every `intervalMs` it looks
 * at each list-routed collection's counted probes, and when one shard's share
 * of them is more than QUERY_SKEW_TOLERANCE over the mean it queues a
 * query-load-only Rebalance (which weighs rows too, and moves nothing unless
 * the query load, not the vectors, calls for it). The job id carries the
 * placement epoch: one job per placement, so a load the Rebalance cannot
 * even out does not queue job after job. Probes alone, not probes × rows: the
 * list sizes need a call to every shard, which the job makes.
 */
export class QueryLoadWatch {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly options: QueryLoadWatchOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    if (this.running || !this.ctx.probeLoad) return;
    this.running = true;
    try {
      for (const record of await this.ctx.store.all()) {
        if (record.state !== 'ready' || record.routing !== 'lists' || record.placement.length < 2) continue;
        const probes = await this.ctx.probeLoad.read(record.name, record.nlist);
        const weights = queryWeights(new Float64Array(record.nlist).fill(1), probes);
        const owned = record.placement.map((shard) => shard.lists);
        if (!weights || skewOf(weights, owned) <= 1 + QUERY_SKEW_TOLERANCE) continue;
        await this.options.ensureJob(
          { kind: 'rebalance', collection: record.name, queryLoadOnly: true },
          `query-load-rebalance-${record.name}-${record.epoch ?? 0}`,
        );
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.running = false;
    }
  }
}
