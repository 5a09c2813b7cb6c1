import { createHash } from 'node:crypto';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import type { RecoverJobData, ShardToRefill } from '../jobs/job-kinds.js';
import { replicaWorkers } from '../replicas/replica-set.js';
import { collectWorkerStats } from '../worker-stats.js';
import { notUnderWay } from './refills-under-way.js';
import { type HeldShard, shardsToRefill } from './shards-to-refill.js';

export interface RefillWatchOptions {
  /**
   * Makes sure a recover job of this id runs (an id already queued or running
   * is not queued twice); false when it already completed.
   */
  ensureJob: (data: RecoverJobData, jobId: string) => Promise<boolean>;
  /** The copies of the collection that queued or running recover jobs are refilling. */
  underWay: (collection: string) => Promise<ShardToRefill[]>;
  /** After a worker has been absent this long, its shards are re-placed on live workers. */
  graceMs: number;
  /** There is an object store: copies without a ready peer are rebuilt from the snapshot and write log. */
  canRebuild: boolean;
  /** How often the cluster is checked. */
  intervalMs?: number;
  onError: (error: unknown) => void;
}

/**
 * Keeps every shard served: compares what the placement says each live
 * worker holds with what the worker reports holding (its Stats), and queues
 * a recover job per collection for the shards missing. It looks at the state,
 * not at restart events, so a worker that restarted before this coordinator
 * started is found just the same, whichever process came up first. Every
 * coordinator watches; job ids made from the shards and worker processes to
 * refill let only one job run per gap.
 */
export class RefillWatch {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** When this coordinator first saw each absent worker absent. */
  private readonly absentSince = new Map<string, number>();

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly options: RefillWatchOptions,
  ) {}

  /** Checks once now (so a restarted cluster's refills are queued before the coordinator serves), then periodically. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 2000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One comparison of placement and holdings; overlapping calls share the one under way. */
  check(): Promise<void> {
    this.running ??= this.compare()
      .catch((error) => this.options.onError(error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async compare(): Promise<void> {
    const records = await this.readyRecords();
    if (records.length === 0) return;
    const workers = this.ctx.workers.all();
    this.trackAbsence(
      records,
      workers.filter((w) => w.alive).map((w) => w.id),
    );
    const stats = await collectWorkerStats(this.ctx);
    const holdings = new Map<string, HeldShard[]>();
    for (const [id, answer] of stats) holdings.set(id, answer.collections);
    const now = Date.now();
    const plan = shardsToRefill({
      records,
      workers,
      holdings,
      absentForMs: (id) => now - (this.absentSince.get(id) ?? now),
      graceMs: this.options.graceMs,
      canRebuild: this.options.canRebuild,
    });
    for (const [collection, shards] of plan) await this.queue(collection, shards);
  }

  private async queue(collection: string, planned: ShardToRefill[]): Promise<void> {
    const shards = notUnderWay(planned, await this.options.underWay(collection));
    if (shards.length === 0) return;
    const jobId = refillJobId(collection, shards);
    // Marked first: a job that finishes at once clears the mark after it is set, not before.
    await this.ctx.store.setLoadingJob(collection, jobId);
    const runs = await this.options.ensureJob({ kind: 'recover', collection, shards, jobId }, jobId);
    if (!runs) await this.ctx.store.clearLoadingJob(collection, jobId);
  }

  private async readyRecords(): Promise<CollectionRecord[]> {
    return (await this.ctx.store.all()).filter((record) => record.state === 'ready');
  }

  /** Starts the clock for placed-on workers that are absent, and stops it for those back. */
  private trackAbsence(records: CollectionRecord[], alive: string[]): void {
    const present = new Set(alive);
    const placedOn = new Set(records.flatMap((record) => replicaWorkers(record)));
    for (const id of placedOn) {
      if (present.has(id)) this.absentSince.delete(id);
      else if (!this.absentSince.has(id)) this.absentSince.set(id, Date.now());
    }
  }
}

/** The same shards on the same worker processes give the same id, whichever coordinator queues them. */
export function refillJobId(collection: string, shards: ShardToRefill[]): string {
  const key = shards
    .map((s) => `${s.shard}@${s.workerId}@${s.startedAtMs}@${s.movedFrom ?? ''}@${s.missedAtMs ?? ''}`)
    .sort()
    .join(',');
  const digest = createHash('sha256').update(`${collection}\n${key}`).digest('hex').slice(0, 16);
  return `recover-${digest}`;
}
