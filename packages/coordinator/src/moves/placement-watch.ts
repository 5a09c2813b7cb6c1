import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import type { CoordinatorContext } from '../context.js';
import type { DrainJobData, RebalanceJobData } from '../jobs/job-kinds.js';
import { replicaWorkers } from '../replicas/replica-set.js';

export interface PlacementWatchOptions {
  redis: Redis;
  keys: ClusterKeys;
  /** Queues a job under an id (an id already queued, running or done is not queued again). */
  ensureJob: (data: DrainJobData | RebalanceJobData, jobId: string) => Promise<unknown>;
  /** Queue a Rebalance once a new worker has been alive this long (undefined: never on its own). */
  autoRebalanceAfterMs?: number;
  intervalMs?: number;
  onError: (error: unknown) => void;
}

/**
 * Moves placement along with the workers, without an operator: a worker
 * stopping for a scale-down asks to be drained (its request in Redis) and
 * gets a drain job; with auto-rebalance, a worker that has stayed alive for a
 * while and holds no copy of some collection gets a rebalance job. Every
 * coordinator watches; job ids made from the worker process keep it to one job.
 */
export class PlacementWatch {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** When this coordinator first saw each worker process alive. */
  private readonly aliveSince = new Map<string, number>();

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly options: PlacementWatchOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 2000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.drainRequested();
      if (this.options.autoRebalanceAfterMs !== undefined) await this.rebalanceNewcomers();
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.running = false;
    }
  }

  private async drainRequested(): Promise<void> {
    const requests = await this.options.redis.hgetall(this.options.keys.drainRequests);
    for (const [id, startedAtMs] of Object.entries(requests)) {
      const worker = this.ctx.workers.get(id);
      if (!worker || String(worker.startedAtMs) !== startedAtMs) continue;
      await this.options.ensureJob({ kind: 'drain', workerId: id }, `drain-${id}-${startedAtMs}`);
    }
  }

  private async rebalanceNewcomers(): Promise<void> {
    const now = Date.now();
    const placeable = this.ctx.workers.placeable();
    const seen = new Set(placeable.map((w) => `${w.id}@${w.startedAtMs}`));
    for (const key of this.aliveSince.keys()) if (!seen.has(key)) this.aliveSince.delete(key);
    const settled = placeable.filter((w) => {
      const key = `${w.id}@${w.startedAtMs}`;
      if (!this.aliveSince.has(key)) this.aliveSince.set(key, now);
      return now - this.aliveSince.get(key)! >= this.options.autoRebalanceAfterMs!;
    });
    if (settled.length === 0) return;
    const records = (await this.ctx.store.all()).filter((r) => r.state === 'ready' && r.routing === 'lists');
    for (const worker of settled) {
      if (records.every((r) => replicaWorkers(r).includes(worker.id))) continue;
      await this.options.ensureJob(
        { kind: 'rebalance', collection: '' },
        `auto-rebalance-${worker.id}-${worker.startedAtMs}`,
      );
    }
  }
}
