import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/**
 * Every upsert and delete takes the next number of its collection's write
 * sequence, kept in the cluster state (shared by all coordinators), before it
 * is sent to the copies. A copy applies a write to a row only if it is newer
 * than the last write applied there, so writes sent at once by two
 * coordinators end the same on every copy. A write that starts after another
 * was acknowledged takes a higher number, so the later write wins.
 */
export class WriteSequence {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
  ) {}

  async next(collection: string): Promise<number> {
    return this.redis.incr(this.keys.writeSequence(collection));
  }
}
