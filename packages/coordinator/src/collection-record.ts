import type { MetricName, RoutingName } from '@vecshard/proto';

/** One shard of a trained collection, as stored in Redis. */
export interface ShardPlacement {
  shard: number;
  workerId: string;
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
}
