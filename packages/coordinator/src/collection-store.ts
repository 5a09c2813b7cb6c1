import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { type CollectionRecord, normalizeRecord } from './collection-record.js';
import { dropFiltersScript } from './id-filters/id-filters.js';
import type { ReplicaAcks } from './redis-durability.js';

/** Sets KEYS[1] to ARGV[2] only while it still holds ARGV[1]. */
const COMPARE_AND_SET =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";

/** Conflicts come from a handful of coordinators and jobs: this many in a row means something is wrong. */
const MAX_UPDATE_ATTEMPTS = 200;

/**
 * Collections in Redis: the JSON record, the template index bytes (binary),
 * and the set of names. Every change is announced on a pub/sub channel so the
 * other coordinators sharing this Redis drop their cached copy.
 */
export class CollectionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    /** Placement changes are confirmed on a Redis replica before they are relied on (none in unit tests). */
    private readonly acks?: ReplicaAcks,
  ) {}

  /** Stores a new record; false when the name is taken. */
  async create(record: CollectionRecord): Promise<boolean> {
    const created = await this.redis.set(this.keys.collection(record.name), JSON.stringify(record), 'NX');
    if (created !== 'OK') return false;
    await this.redis.sadd(this.keys.collections, record.name);
    await this.announce(record.name);
    return true;
  }

  async get(name: string): Promise<CollectionRecord | undefined> {
    const text = await this.redis.get(this.keys.collection(name));
    return text ? normalizeRecord(JSON.parse(text) as CollectionRecord) : undefined;
  }

  async names(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.collections)).sort();
  }

  /** Every stored collection, sorted by name. */
  async all(): Promise<CollectionRecord[]> {
    const records = await Promise.all((await this.names()).map((name) => this.get(name)));
    return records.filter((record): record is CollectionRecord => record !== undefined);
  }

  async template(name: string): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(this.keys.template(name))) ?? undefined;
  }

  /** Marks a collection trained: template and record are written together. */
  async saveTrained(record: CollectionRecord, template: Buffer): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.template(record.name), template)
      .set(this.keys.collection(record.name), JSON.stringify(record))
      .exec();
    await this.announce(record.name);
  }

  /**
   * Changes the record of an existing collection: `change` is applied to the
   * stored record and the result written only if the record is still the one
   * read (compare and set), else it is applied again to the newer one. Two
   * coordinators changing the same record (one marking a copy catching-up,
   * another finishing a snapshot) so never undo each other's change.
   * Resolves to the record written, or undefined when the collection is gone.
   */
  async update(
    name: string,
    change: (record: CollectionRecord) => CollectionRecord,
  ): Promise<CollectionRecord | undefined> {
    const key = this.keys.collection(name);
    for (let attempt = 1; ; attempt++) {
      const text = await this.redis.get(key);
      if (!text) return undefined;
      const updated = change(normalizeRecord(JSON.parse(text) as CollectionRecord));
      const written = await this.redis.eval(COMPARE_AND_SET, 1, key, text, JSON.stringify(updated));
      if (written === 1) {
        // Acknowledgements rely on placement changes (a copy marked catching-up): a failover must keep them.
        await this.acks?.confirm(`the change to the record of "${name}"`);
        await this.announce(name);
        return updated;
      }
      if (attempt >= MAX_UPDATE_ATTEMPTS) {
        throw new Error(`the record of "${name}" kept changing under ${attempt} attempts to update it`);
      }
      // Jittered, so that updaters that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
    }
  }

  async drop(name: string): Promise<boolean> {
    const results = await this.redis
      .multi()
      .del(this.keys.collection(name))
      .del(this.keys.template(name))
      .del(this.keys.loadingJob(name))
      .srem(this.keys.collections, name)
      .eval(...dropFiltersScript(this.keys, name))
      .exec();
    await this.announce(name);
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  /** The job refilling the collection's shards, if one is under way. */
  async loadingJob(name: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.loadingJob(name))) ?? undefined;
  }

  /** Records the job refilling the collection's shards (the collection reads as loading). */
  async setLoadingJob(name: string, jobId: string): Promise<void> {
    await this.redis.set(this.keys.loadingJob(name), jobId);
  }

  /** Clears the loading mark, unless a newer refill job has taken it over meanwhile. */
  async clearLoadingJob(name: string, jobId: string): Promise<void> {
    const key = this.keys.loadingJob(name);
    await this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      key,
      jobId,
    );
  }

  private async announce(name: string): Promise<void> {
    await this.redis.publish(this.keys.changes, name);
  }
}
