import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import type { ReplicaAcks } from './redis-durability.js';

/**
 * Every upsert and delete takes the next number of its collection's write
 * sequence, kept in the cluster state (shared by all coordinators), before it
 * is sent to the copies. A copy applies a write to a row only if it is newer
 * than the last write applied there, so writes sent at once by two
 * coordinators end the same on every copy. A write that starts after another
 * was acknowledged takes a higher number, so the later write wins. The number
 * is used only once a Redis replica has it: a failover must never hand out a
 * number again, or a later write would lose to an earlier one on the copies.
 */
export class WriteSequence {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly acks: ReplicaAcks,
  ) {}

  async next(collection: string): Promise<number> {
    const seq = await this.redis.incr(this.keys.writeSequence(collection));
    await this.acks.confirm(`write sequence ${seq} of "${collection}"`);
    return seq;
  }

  /**
   * The number of one client write, taken when first asked for and the same
   * on every later ask. A write sent again (refused as fenced, routed anew
   * after a move) must keep its number: with a new one, a retry could land
   * after a later acknowledged write of the same row and undo it.
   */
  numberOnce(collection: string): () => Promise<string> {
    let taken: Promise<string> | undefined;
    return () => {
      if (!taken) {
        taken = this.next(collection).then(String);
        // A number Redis did not give is asked for again next time.
        taken.catch(() => {
          taken = undefined;
        });
      }
      return taken;
    };
  }
}
