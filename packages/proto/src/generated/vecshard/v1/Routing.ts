// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * How a collection's vectors and queries are spread over shard workers.
 */
export const Routing = {
  /**
   * Not set: means ROUTING_LISTS.
   */
  ROUTING_UNSPECIFIED: 'ROUTING_UNSPECIFIED',
  /**
   * The IVF inverted lists are partitioned over the shards; each vector goes
   * to the shard owning its list, and each query only to the shards owning
   * the lists it probes. The default.
   */
  ROUTING_LISTS: 'ROUTING_LISTS',
  /**
   * Each shard holds a slice of the vectors (by id) in all of its lists, and
   * every query goes to every shard. Offered for comparison.
   */
  ROUTING_SCATTER: 'ROUTING_SCATTER',
} as const;

/**
 * How a collection's vectors and queries are spread over shard workers.
 */
export type Routing =
  /**
   * Not set: means ROUTING_LISTS.
   */
  | 'ROUTING_UNSPECIFIED'
  | 0
  /**
   * The IVF inverted lists are partitioned over the shards; each vector goes
   * to the shard owning its list, and each query only to the shards owning
   * the lists it probes. The default.
   */
  | 'ROUTING_LISTS'
  | 1
  /**
   * Each shard holds a slice of the vectors (by id) in all of its lists, and
   * every query goes to every shard. Offered for comparison.
   */
  | 'ROUTING_SCATTER'
  | 2

/**
 * How a collection's vectors and queries are spread over shard workers.
 */
export type Routing__Output = typeof Routing[keyof typeof Routing]
