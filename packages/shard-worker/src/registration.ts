import {
  type ClusterKeys,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TTL_MS,
  type WorkerRegistration,
} from '@vecshard/proto';
import type { Redis } from 'ioredis';

/** What an accepted heartbeat brought back. */
export interface AcceptedBeat {
  /** When it was sent (performance.now()): the read lease counts from here. */
  sentAt: number;
  /** The fences set on this worker's copies: registry key → the epoch at which the copy missed writes. */
  fences: Record<string, string>;
}

/**
 * Keeps a worker registered in Redis: writes its registration and refreshes a
 * short-lived alive key every heartbeat, so coordinators notice within seconds
 * when it stops. Re-writing the registration each beat also restores it after
 * a Redis restart. Each beat reads the fences set on the worker's copies in
 * the same transaction, and hands them to `onAccepted` with the beat's send
 * time (the read lease).
 */
export class WorkerHeartbeat {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly registration: WorkerRegistration,
    private readonly onError: (error: unknown) => void,
    private readonly onAccepted: (beat: AcceptedBeat) => void = () => {},
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
    const sentAt = performance.now();
    const results = await this.redis
      .multi()
      .hset(this.keys.workers, id, JSON.stringify(this.registration))
      .set(this.keys.workerAlive(id), String(Date.now()), 'PX', HEARTBEAT_TTL_MS)
      .hgetall(this.keys.workerFences(id))
      .exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('the heartbeat transaction was discarded');
    this.onAccepted({ sentAt, fences: (results[2][1] ?? {}) as Record<string, string> });
  }
}
