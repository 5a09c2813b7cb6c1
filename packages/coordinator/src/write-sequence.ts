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
 * This class serves scatter-routed collections; the others take the number
 * from the same key in the id filters' script, together with the filters'
 * update (id-filters/id-filters.ts).
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
  numberOnce(collection: string): WriteNumber {
    return new WriteNumber(() => this.next(collection));
  }
}

/**
 * One client write's sequence number across its attempts. Writes not routed
 * by id filters take it with `take` (INCR, once). Writes routed by id
 * filters take it in the filters' script, which records it here with the
 * incarnation of the filters it used (IdFilters.upsert / delete); their
 * later attempts send it back to the script.
 */
export class WriteNumber {
  /** The number, once taken. */
  seq?: string;
  /** The incarnation of the id filters the write's first attempt used ('' = none): see IdFilters. */
  filters?: string;
  private taking: Promise<string> | undefined;

  constructor(private readonly next: () => Promise<number>) {}

  /** The number, taken (INCR) on the first ask and the same on every later one. */
  take(): Promise<string> {
    if (this.seq !== undefined) return Promise.resolve(this.seq);
    if (!this.taking) {
      this.taking = this.next().then((seq) => {
        this.seq = String(seq);
        return this.seq;
      });
      // A number Redis did not give is asked for again next time.
      this.taking.catch(() => {
        this.taking = undefined;
      });
    }
    return this.taking;
  }
}
