// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * How a collection's inverted lists are grouped into shards.
 */
export const PlacementPolicy = {
  /**
   * Not set: LOCALITY.
   */
  PLACEMENT_POLICY_UNSPECIFIED: 'PLACEMENT_POLICY_UNSPECIFIED',
  /**
   * Neighbouring lists (close centroids, which queries probe together) share
   * a shard, with the shards' vector loads balanced within 10 %: a search
   * asks fewer shards.
   */
  PLACEMENT_POLICY_LOCALITY: 'PLACEMENT_POLICY_LOCALITY',
  /**
   * Lists spread largest first over the least loaded shard, regardless of
   * where they are: the closest balance, but most searches ask most shards.
   */
  PLACEMENT_POLICY_BALANCED: 'PLACEMENT_POLICY_BALANCED',
} as const;

/**
 * How a collection's inverted lists are grouped into shards.
 */
export type PlacementPolicy =
  /**
   * Not set: LOCALITY.
   */
  | 'PLACEMENT_POLICY_UNSPECIFIED'
  | 0
  /**
   * Neighbouring lists (close centroids, which queries probe together) share
   * a shard, with the shards' vector loads balanced within 10 %: a search
   * asks fewer shards.
   */
  | 'PLACEMENT_POLICY_LOCALITY'
  | 1
  /**
   * Lists spread largest first over the least loaded shard, regardless of
   * where they are: the closest balance, but most searches ask most shards.
   */
  | 'PLACEMENT_POLICY_BALANCED'
  | 2

/**
 * How a collection's inverted lists are grouped into shards.
 */
export type PlacementPolicy__Output = typeof PlacementPolicy[keyof typeof PlacementPolicy]
