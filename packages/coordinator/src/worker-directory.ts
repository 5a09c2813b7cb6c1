import type { ClusterKeys, WorkerRegistration } from '@vecshard/proto';
import type { Redis } from 'ioredis';

export interface KnownWorker extends WorkerRegistration {
  /** Heartbeat current (alive key present). */
  alive: boolean;
  /** This worker process was drained: no new placement uses it until it restarts. */
  drained: boolean;
}

/**
 * The coordinator's view of the shard workers, refreshed from Redis every
 * second, so request paths look workers up in memory and a worker whose
 * heartbeat stopped is treated as down within its TTL plus one refresh.
 */
export class WorkerDirectory {
  private workers = new Map<string, KnownWorker>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(refreshMs = 1000): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => this.refresh().catch(this.onError), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const registrations = Object.values(await this.redis.hgetall(this.keys.workers)).map(
      (text) => JSON.parse(text) as WorkerRegistration,
    );
    const alive =
      registrations.length === 0
        ? []
        : await this.redis.mget(...registrations.map((worker) => this.keys.workerAlive(worker.id)));
    const drained = await this.redis.hgetall(this.keys.drainedWorkers);
    this.workers = new Map(
      registrations.map((worker, i) => [
        worker.id,
        { ...worker, alive: alive[i] !== null, drained: drained[worker.id] === String(worker.startedAtMs) },
      ]),
    );
  }

  get(id: string): KnownWorker | undefined {
    return this.workers.get(id);
  }

  /** All registered workers, sorted by id. */
  all(): KnownWorker[] {
    return [...this.workers.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  live(): KnownWorker[] {
    return this.all().filter((worker) => worker.alive);
  }

  /** Live workers that new placements may use: not drained since they started. */
  placeable(): KnownWorker[] {
    return this.live().filter((worker) => !worker.drained);
  }

  /** Marks a worker process drained (until it restarts) and reads the directory again. */
  async markDrained(worker: KnownWorker): Promise<void> {
    await this.redis.hset(this.keys.drainedWorkers, worker.id, String(worker.startedAtMs));
    await this.refresh();
  }
}
