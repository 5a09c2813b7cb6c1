/**
 * Redis key layout shared by coordinators and shard workers. Everything lives
 * under one prefix so several clusters can share a Redis by choosing prefixes.
 */
export const DEFAULT_KEY_PREFIX = 'vecshard';

export function clusterKeys(prefix = DEFAULT_KEY_PREFIX) {
  return {
    /** Hash: worker id → JSON WorkerRegistration. */
    workers: `${prefix}:workers`,
    /**
     * Hash: worker id → start time of the worker process that was drained: no
     * new placement uses it until it restarts (a later start time).
     */
    drainedWorkers: `${prefix}:drained-workers`,
    /** Hash: worker id → start time of a worker process that asks to be drained before it stops. */
    drainRequests: `${prefix}:drain-requests`,
    /** String with a short TTL, refreshed by the worker's heartbeat: present = alive. */
    workerAlive: (id: string) => `${prefix}:worker:${id}:alive`,
    /** Set of collection names. */
    collections: `${prefix}:collections`,
    /** String: JSON collection record (configuration, state, placement). */
    collection: (name: string) => `${prefix}:collection:${name}`,
    /** String (binary): the trained, empty template index. */
    template: (name: string) => `${prefix}:collection:${name}:template`,
    /**
     * Stream: the collection's acknowledged writes since its last snapshot
     * (the write-ahead log a restarted worker is replayed from).
     */
    writeLog: (name: string) => `${prefix}:collection:${name}:wal`,
    /** Integer: the collection's last write sequence (every upsert and delete takes the next). */
    writeSequence: (name: string) => `${prefix}:collection:${name}:write-seq`,
    /**
     * Hash: the parameters and state of the collection's id filters (one Bloom
     * filter per shard of the ids it may hold; coordinator id-filters/).
     */
    idFilters: (name: string) => `${prefix}:collection:${name}:ids`,
    /** Prefix of the id filters' bitmaps: `<this><generation>:<shard>`. */
    idFilterBits: (name: string) => `${prefix}:collection:${name}:ids:`,
    /** String with a TTL: the coordinator rebuilding the collection's id filters (a claim). */
    idFilterRebuild: (name: string) => `${prefix}:collection:${name}:ids-rebuild`,
    /** Integer: bytes appended to the write log since it was last trimmed. */
    writeLogBytes: (name: string) => `${prefix}:collection:${name}:wal-bytes`,
    /** String: id of the job refilling the collection's shards after their workers restarted. */
    loadingJob: (name: string) => `${prefix}:collection:${name}:loading-job`,
    /**
     * Hash: the worker's copies that missed writes ({@link fenceField}) → the
     * placement epoch at which they did. The worker reads it with every
     * heartbeat and stops answering reads from those copies.
     */
    workerFences: (id: string) => `${prefix}:worker:${id}:fences`,
    /**
     * Hash: coordinator instance → its decayed probes per inverted list (binary:
     * the time they were taken, then one float64 per list), read by a load-aware Rebalance.
     */
    probeLoad: (name: string) => `${prefix}:collection:${name}:probe-load`,
    /** Pub/sub channel: a collection name whose record changed, so other coordinators reload it. */
    changes: `${prefix}:collection-changes`,
  };
}

export type ClusterKeys = ReturnType<typeof clusterKeys>;

/** What a shard worker publishes about itself. */
export interface WorkerRegistration {
  id: string;
  /** host:port the coordinator dials. */
  address: string;
  /** "cpu" or "cuda:N". */
  device: string;
  /** The FAISS build it searches with ("avx2", "generic", "gpu"); absent from workers that predate it. */
  faissBuild?: string;
  startedAtMs: number;
}

/** Field of one copy in a worker's fence hash: the worker's own registry key of the shard. */
export function fenceField(collection: string, shard: number): string {
  return `${shard}/${collection}`;
}

/**
 * How long a heartbeat accepted by Redis lets a worker answer reads. A
 * coordinator that demotes a copy it cannot reach waits this long (plus a
 * margin) before acknowledging the write the copy missed. Longer rides out a
 * longer Redis failover without refusing reads; shorter acknowledges sooner
 * a write that found a copy hung or cut off.
 */
export const READ_LEASE_MS = 8000;

/** Heartbeat period and the TTL of the alive key: a worker is declared dead ~3 s after its last beat. */
export const HEARTBEAT_INTERVAL_MS = 1000;
export const HEARTBEAT_TTL_MS = 3000;
