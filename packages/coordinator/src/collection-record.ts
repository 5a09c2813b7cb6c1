import type { FieldSpec, MetricName, RoutingName } from '@vecshard/proto';

/**
 * A copy's state: "ready" holds every acknowledged write and serves searches;
 * "catching-up" missed writes (or is being filled) and serves none until it
 * has caught up.
 */
export type ReplicaStateName = 'ready' | 'catching-up';

/** "locality": lists probed together share a shard; "balanced": spread by load alone. */
export type PlacementPolicyName = 'locality' | 'balanced';

/** One copy of a shard, on one worker. */
export interface ReplicaPlacement {
  workerId: string;
  state: ReplicaStateName;
  /** When the copy last missed a write (catching-up copies only): each miss gets a refill of its own. */
  missedAtMs?: number;
}

/** One shard of a trained collection, as stored in Redis. */
export interface ShardPlacement {
  shard: number;
  /** Its copies, each on a distinct worker; the collection's replication factor of them. */
  replicas: ReplicaPlacement[];
  lists: number[];
  expectedVectors: number;
}

/** A collection's configuration, state and placement: the JSON kept in Redis. */
export interface CollectionRecord {
  name: string;
  dim: number;
  metric: MetricName;
  index: string;
  nprobe: number;
  /** Shards asked for at creation; 0 = every live worker at training time. */
  shards: number;
  routing: RoutingName;
  /** Copies of every shard, on distinct workers. */
  replicationFactor: number;
  /** How lists are grouped into shards: neighbours together, or spread by load alone. */
  placementPolicy: PlacementPolicyName;
  /**
   * Counts changes of the placement (lists moved between shards): searches
   * routed under an older count may still reach the old owner of a moved list.
   */
  epoch?: number;
  state: 'created' | 'ready';
  nlist: number;
  placement: ShardPlacement[];
  createdAtMs: number;
  /**
   * The snapshot the collection's shards are rebuilt from, and the write-log
   * position it covers: a restarted worker gets that snapshot's lists plus the
   * writes logged after the position.
   */
  lastSnapshot?: { id: string; logPosition: string };
  /** The typed fields stored with every vector (none before documents existed). */
  fields?: FieldSpec[];
  /**
   * The KEYWORD field whose value places a row (its tenant): every row of a
   * value lives on one shard, found by hashing the value.
   */
  partitionKey?: string;
}

/**
 * A record as stored by any version: records written before replication have
 * one worker per shard and no replication factor.
 */
export function normalizeRecord(stored: CollectionRecord): CollectionRecord {
  const placement = stored.placement.map((shard) => {
    const legacy = shard as ShardPlacement & { workerId?: string };
    if (legacy.replicas || !legacy.workerId) return shard;
    const { workerId, ...rest } = legacy;
    return { ...rest, replicas: [{ workerId, state: 'ready' as const }] };
  });
  return {
    ...stored,
    replicationFactor: stored.replicationFactor || 1,
    // Collections placed before there was a choice were placed by load alone.
    placementPolicy: stored.placementPolicy ?? 'balanced',
    placement,
  };
}
