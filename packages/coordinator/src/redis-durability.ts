import { unavailable } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/** How long a cluster-state change waits for a Redis replica to have it. */
const REPLICA_WAIT_MS = 2000;

/** How long a look at the master's replicas is trusted (with a plain URL): writes ask on every call. */
const ROLE_TRUSTED_MS = 2000;

/**
 * Confirms that the writes a connection made are on a Redis replica. Redis
 * replicates asynchronously: a Sentinel failover promotes a replica that may
 * lack the master's last writes. A placement decision (a copy marked
 * catching-up, its fence, an epoch) that an acknowledgement relies on must
 * survive that, so it is not relied on until a replica holds it; if none
 * confirms in time the caller fails (UNAVAILABLE: the outcome of the write
 * that needed it is unknown to its client) rather than acknowledge on a
 * decision a failover could forget.
 *
 * A replica is waited for whenever the master has one connected; a master
 * without any (a single Redis, or one whose replicas are all gone) confirms at
 * once, so losing the replica does not stop every write. A master cut off
 * from its replica and Sentinels would so go on confirming alone: run it with
 * `min-replicas-to-write 1` (as the fault suite does), and Redis itself
 * refuses those writes.
 */
export class ReplicaAcks {
  /** With a plain URL: until when the master was last seen without replicas. */
  private aloneUntil = 0;

  constructor(
    private readonly redis: Redis,
    /** At least one replica must confirm (true behind Sentinel). */
    private readonly required: boolean,
  ) {}

  static for(redis: Redis): ReplicaAcks {
    return new ReplicaAcks(redis, false);
  }

  async confirm(what: string): Promise<void> {
    if (!this.required) {
      // WAIT for a replica a single Redis does not have would block until its timeout.
      if (Date.now() < this.aloneUntil) return;
      const role = (await this.redis.role()) as [string, number, unknown[]?];
      if (role[0] === 'master' && (role[2]?.length ?? 0) === 0) {
        this.aloneUntil = Date.now() + ROLE_TRUSTED_MS;
        return;
      }
    }
    const confirmed = await this.redis.wait(1, REPLICA_WAIT_MS);
    if (confirmed >= 1) return;
    throw unavailable(
      `${what} is not yet on a Redis replica (none confirmed within ${REPLICA_WAIT_MS} ms): ` +
        'a failover could lose it, so nothing that relies on it is acknowledged',
    );
  }
}
