import { randomUUID } from 'node:crypto';
import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import type { CoordinatorContext } from '../context.js';
import { loadingNow } from '../recovery/collection-loading.js';
import { keepsIdFilters } from './id-filters.js';
import { type RebuildResult, rebuildIdFilters } from './rebuild-id-filters.js';

/** How long a coordinator's claim on a rebuild lasts unless renewed (it renews it every third of that). */
const CLAIM_MS = 30_000;

const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export interface IdFilterWatchOptions {
  intervalMs?: number;
  onRebuilt: (collection: string, result: RebuildResult) => void;
  onError: (error: unknown) => void;
}

/**
 * Looks for trained collections whose id filters are missing or were left
 * half built (collections trained before the filters existed, a rebuild cut
 * short), and rebuilds them from the shards' ids (rebuild-id-filters.ts).
 * Until then their writes go to every shard. One coordinator rebuilds a
 * collection at a time: it claims it in Redis (a key with a renewed TTL, so
 * a coordinator that dies lets another take over). Collections being
 * refilled are left until their refill is done.
 */
export class IdFilterWatch {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly options: IdFilterWatchOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 5000);
    this.timer.unref();
    void this.check();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One look; overlapping calls share the one under way. */
  check(): Promise<void> {
    this.running ??= this.look()
      .catch((error) => this.options.onError(error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async look(): Promise<void> {
    for (const record of await this.ctx.store.all()) {
      if (record.state !== 'ready' || !keepsIdFilters(record)) continue;
      if ((await this.ctx.idFilters.state(record.name)) === 'ready') continue;
      if (await loadingNow(this.ctx, record)) continue;
      await this.claimed(record.name, async () => {
        this.options.onRebuilt(record.name, await rebuildIdFilters(this.ctx, record.name));
      });
    }
  }

  /** Runs `step` if this coordinator claims the collection's rebuild, renewing the claim meanwhile. */
  private async claimed(collection: string, step: () => Promise<void>): Promise<void> {
    const key = this.keys.idFilterRebuild(collection);
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', CLAIM_MS, 'NX')) !== 'OK') return;
    const renew = setInterval(() => {
      this.redis.pexpire(key, CLAIM_MS).catch(() => {});
    }, CLAIM_MS / 3);
    renew.unref();
    try {
      await step();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => {});
    }
  }
}
