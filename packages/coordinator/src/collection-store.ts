import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { type CollectionRecord, normalizeRecord } from './collection-record.js';

/**
 * Collections in Redis: the JSON record, the template index bytes (binary),
 * and the set of names. Every change is announced on a pub/sub channel so the
 * other coordinators sharing this Redis drop their cached copy.
 */
export class CollectionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
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

  /** Replaces the record of an existing collection. */
  async save(record: CollectionRecord): Promise<void> {
    await this.redis.set(this.keys.collection(record.name), JSON.stringify(record));
    await this.announce(record.name);
  }

  async drop(name: string): Promise<boolean> {
    const results = await this.redis
      .multi()
      .del(this.keys.collection(name))
      .del(this.keys.template(name))
      .del(this.keys.loadingJob(name))
      .srem(this.keys.collections, name)
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
