import { unavailable } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/** How long a cluster-state change waits for a Redis replica to have it. */
const REPLICA_WAIT_MS = 2000;

/** How long a count of the master's live replicas is trusted before Redis is asked again. */
const REPLICAS_TRUSTED_MS = 2000;

/**
 * A replica acknowledges its offset every second; one silent for longer than
 * this is not waited for (it is cut off, and a failover would not pick it
 * ahead of the replicas that confirmed).
 */
const LIVE_REPLICA_LAG_S = 2;

/**
 * Confirms that the writes a connection made are on the master's replicas.
 * Redis replicates asynchronously: a Sentinel failover promotes a replica
 * that may lack the master's last writes. A placement decision (a copy marked
 * catching-up, its fence, an epoch) or a write's sequence number that an
 * acknowledgement relies on must survive that, so it is not relied on until
 * every live replica holds it: the Sentinels choose the replica to promote by
 * replication offsets up to seconds old, so one replica confirming is not
 * enough when there are two. If they do not confirm in time the caller fails
 * (UNAVAILABLE: the outcome of the write that needed it is unknown to its
 * client) rather than acknowledge on a decision a failover could forget.
 *
 * A master without live replicas (a single Redis, or one whose replicas are
 * all gone) confirms at once, so losing the replicas does not stop every
 * write. A master cut off from its replicas and Sentinels would so go on
 * confirming alone: run it with `min-replicas-to-write 1` (as the fault suite
 * does), and Redis itself refuses those writes.
 */
export class ReplicaAcks {
  private liveReplicas = 0;
  private countedUntil = 0;

  constructor(private readonly redis: Redis) {}

  static for(redis: Redis): ReplicaAcks {
    return new ReplicaAcks(redis);
  }

  async confirm(what: string): Promise<void> {
    const replicas = await this.countLiveReplicas();
    if (replicas === 0) return;
    const confirmed = await this.redis.wait(replicas, REPLICA_WAIT_MS);
    if (confirmed >= replicas) return;
    // A replica may have gone while this waited: enough if every one still live confirmed.
    this.countedUntil = 0;
    if (confirmed >= 1 && confirmed >= (await this.countLiveReplicas())) return;
    throw unavailable(
      `${what} is not yet on the Redis replicas (${confirmed} of ${replicas} confirmed within ${REPLICA_WAIT_MS} ms): ` +
        'a failover could lose it, so nothing that relies on it is acknowledged',
    );
  }

  /** Replicas online and heard from within LIVE_REPLICA_LAG_S, as the master reports them. */
  private async countLiveReplicas(): Promise<number> {
    if (Date.now() < this.countedUntil) return this.liveReplicas;
    const info = await this.redis.info('replication');
    this.liveReplicas = liveReplicasIn(info);
    this.countedUntil = Date.now() + REPLICAS_TRUSTED_MS;
    return this.liveReplicas;
  }
}

/** Counts the `slaveN:…,state=online,…,lag=L` lines of INFO replication with a small lag. */
export function liveReplicasIn(info: string): number {
  if (!/^role:master\s*$/m.test(info)) return 0;
  let live = 0;
  for (const line of info.split(/\r?\n/)) {
    if (!/^slave\d+:/.test(line)) continue;
    const fields = new Map(
      line
        .slice(line.indexOf(':') + 1)
        .split(',')
        .map((pair) => pair.split('=') as [string, string]),
    );
    if (fields.get('state') === 'online' && Number(fields.get('lag') ?? Infinity) <= LIVE_REPLICA_LAG_S)
      live++;
  }
  return live;
}
