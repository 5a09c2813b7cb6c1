import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/** A write makes the coordinator look at the logs' sum at most this often. */
const LOOK_EVERY_MS = 1000;

export interface LogBudgetOptions {
  redis: Redis;
  keys: ClusterKeys;
  /** The bytes all collections' write logs may hold together. */
  budgetBytes: number;
  /** Every collection's name. */
  collections: () => Promise<string[]>;
  /** Asks for a snapshot of one collection (a job that trims its log). */
  snapshot: (collection: string) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * Bounds the bytes that the write logs of all collections hold in Redis
 * together. `--snapshot-every-mb` bounds each log alone; with many
 * collections their sum could still fill Redis's memory. After a write, at
 * most once a second, the coordinator sums every collection's log size (which
 * every coordinator's appends keep in Redis) and, while the sum is over the
 * budget, asks for a snapshot of the collection whose log is the oldest: its
 * entries have waited longest, and the snapshot trims them.
 */
export class LogBudget {
  private nextLookAt = 0;

  constructor(private readonly options: LogBudgetOptions) {}

  /** Called after every logged write. */
  afterWrite(): void {
    const now = Date.now();
    if (now < this.nextLookAt) return;
    this.nextLookAt = now + LOOK_EVERY_MS;
    this.look().catch(this.options.onError);
  }

  /** Sums the logs; over the budget, asks for the oldest log's snapshot and resolves to its collection. */
  async look(): Promise<string | undefined> {
    const { redis, keys, budgetBytes } = this.options;
    const names = await this.options.collections();
    if (names.length === 0) return undefined;
    const sizes = (await redis.mget(names.map((name) => keys.writeLogBytes(name)))).map((v) =>
      Number(v ?? 0),
    );
    const total = sizes.reduce((sum, size) => sum + size, 0);
    if (total <= budgetBytes) return undefined;
    const oldest = await this.oldestLog(names.filter((_, i) => sizes[i] > 0));
    if (oldest !== undefined) await this.options.snapshot(oldest);
    return oldest;
  }

  /** The collection whose log's first entry is the oldest (stream ids start with their time in ms). */
  private async oldestLog(names: string[]): Promise<string | undefined> {
    const firsts = await Promise.all(
      names.map(async (name) => {
        const [first] = await this.options.redis.xrange(
          this.options.keys.writeLog(name),
          '-',
          '+',
          'COUNT',
          1,
        );
        return first ? Number(first[0].split('-')[0]) : Number.POSITIVE_INFINITY;
      }),
    );
    let oldest: string | undefined;
    let oldestMs = Number.POSITIVE_INFINITY;
    names.forEach((name, i) => {
      if (firsts[i] < oldestMs) [oldest, oldestMs] = [name, firsts[i]];
    });
    return oldest;
  }
}
