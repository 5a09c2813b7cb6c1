import { unavailable } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/** How long a cluster-state change waits for a Redis replica to have it. */
const REPLICA_WAIT_MS = 2000;

/**
 * Resolves once the writes this connection made are on at least one Redis
 * replica, or at once when the master has none (a single Redis). Redis
 * replicates asynchronously: a Sentinel failover promotes a replica that may
 * lack the master's last writes. A placement decision (a copy marked
 * catching-up, its fence, an epoch) that an acknowledgement relies on must
 * survive that, so it is not relied on until a replica holds it; if none
 * confirms in time the caller fails (UNAVAILABLE: the write's outcome is
 * unknown to its client), rather than acknowledge on a decision a failover
 * could forget.
 */
export async function onReplica(redis: Redis, what: string): Promise<void> {
  // WAIT for a replica a single Redis does not have would block until its timeout.
  const role = (await redis.role()) as [string, number, unknown[]?];
  if (role[0] === 'master' && (role[2]?.length ?? 0) === 0) return;
  const confirmed = await redis.wait(1, REPLICA_WAIT_MS);
  if (confirmed >= 1) return;
  throw unavailable(
    `${what} is not yet on a Redis replica (none confirmed within ${REPLICA_WAIT_MS} ms): ` +
      'a failover could lose it, so nothing that relies on it is acknowledged',
  );
}
