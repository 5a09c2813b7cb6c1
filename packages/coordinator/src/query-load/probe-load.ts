import { randomUUID } from 'node:crypto';
import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { decayFactor, ProbeCounts } from './probe-counts.js';

/** How often a coordinator writes its counts to Redis. */
const PUBLISH_EVERY_MS = 1000;
/** A coordinator's published counts older than this many half-lives are worth nothing and dropped. */
const FORGET_AFTER_HALF_LIVES = 20;

export interface ProbeLoadOptions {
  redis: Redis;
  keys: ClusterKeys;
  /** Half-life of a probe's weight. */
  halfLifeMs: number;
  onError: (error: unknown) => void;
  now?: () => number;
}

/**
 * The query load on each collection's inverted lists: every coordinator
 * counts the lists its searches probe (ProbeCounts) and writes its counts to
 * Redis once a second, under its own field; a Rebalance, which may run on
 * another coordinator, sums every coordinator's counts. Searches a client
 * routes itself (one hop) are not seen here.
 */
export class ProbeLoad {
  private readonly counts = new Map<string, ProbeCounts>();
  private readonly dirty = new Set<string>();
  private readonly instance = randomUUID();
  private readonly now: () => number;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ProbeLoadOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Counts a search's probes (its nprobe lists per query) on a collection of `nlist` lists. */
  observe(collection: string, nlist: number, lists: BigInt64Array): void {
    let counts = this.counts.get(collection);
    if (counts?.nlist !== nlist) {
      counts = new ProbeCounts(nlist, this.options.halfLifeMs, this.now());
      this.counts.set(collection, counts);
    }
    counts.observe(lists, this.now());
    this.dirty.add(collection);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.publish().catch(this.options.onError);
    }, PUBLISH_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Writes the counts of collections searched since the last time to Redis. */
  async publish(): Promise<void> {
    const names = [...this.dirty];
    this.dirty.clear();
    const ttlMs = this.options.halfLifeMs * FORGET_AFTER_HALF_LIVES;
    for (const name of names) {
      const counts = this.counts.get(name);
      if (!counts) continue;
      const now = this.now();
      const key = this.options.keys.probeLoad(name);
      await this.options.redis
        .multi()
        .hset(key, this.instance, encode(now, counts.read(now)))
        .pexpire(key, Math.ceil(ttlMs))
        .exec();
    }
  }

  /**
   * Probes per list of the collection, summed over every coordinator and
   * decayed to now; undefined when none were counted (or they are too old).
   */
  async read(collection: string, nlist: number): Promise<Float64Array | undefined> {
    await this.publish();
    const key = this.options.keys.probeLoad(collection);
    const fields = await this.options.redis.hgetallBuffer(key);
    const now = this.now();
    const sum = new Float64Array(nlist);
    let found = false;
    for (const [field, value] of Object.entries(fields)) {
      const decoded = decode(value);
      const age = now - decoded.at;
      if (decoded.counts.length !== nlist || age > this.options.halfLifeMs * FORGET_AFTER_HALF_LIVES) {
        await this.options.redis.hdel(key, field);
        continue;
      }
      const factor = decayFactor(age, this.options.halfLifeMs);
      for (let list = 0; list < nlist; list++) sum[list] += decoded.counts[list] * factor;
      found = true;
    }
    return found ? sum : undefined;
  }
}

function encode(at: number, counts: Float64Array): Buffer {
  const out = new Float64Array(counts.length + 1);
  out[0] = at;
  out.set(counts, 1);
  return Buffer.from(out.buffer);
}

function decode(value: Buffer): { at: number; counts: Float64Array } {
  // Copied out: a Buffer from Redis need not be 8-byte aligned.
  const all = new Float64Array(new Uint8Array(value).buffer);
  return { at: all[0], counts: all.subarray(1) };
}
