import {
  type ClusterKeys,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TTL_MS,
  type WorkerRegistration,
} from '@vecshard/proto';
import type { Redis } from 'ioredis';

/**
 * Keeps a worker registered in Redis: writes its registration and refreshes a
 * short-lived alive key every heartbeat, so coordinators notice within seconds
 * when it stops. Re-writing the registration each beat also restores it after
 * a Redis restart.
 */
export class WorkerHeartbeat {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly registration: WorkerRegistration,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => this.beat().catch(this.onError), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops beating and removes the registration, so the worker disappears from the cluster at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const { id } = this.registration;
    await this.redis.multi().hdel(this.keys.workers, id).del(this.keys.workerAlive(id)).exec();
  }

  private async beat(): Promise<void> {
    const { id } = this.registration;
    await this.redis
      .multi()
      .hset(this.keys.workers, id, JSON.stringify(this.registration))
      .set(this.keys.workerAlive(id), String(Date.now()), 'PX', HEARTBEAT_TTL_MS)
      .exec();
  }
}
