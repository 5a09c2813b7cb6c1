/** The cluster and the workload every run uses: small enough for a 2-core machine, big enough to need every path. */
export const SHAPE = {
  redis: 3,
  workers: 4,
  coordinators: 2,
  sentinels: 3,
  /** Short, so that a fault held past it moves copies (the default is 30 s). */
  replicaGraceS: 10,
  collection: 'faults',
  dim: 8,
  nlist: 8,
  replicationFactor: 2,
  keys: 8,
  loopsPerCoordinator: 3,
  deadlineMs: 5000,
};

/** The same, in words, for the report. */
export const CLUSTER_DESCRIPTION =
  `${SHAPE.redis} Redis (a master + ${SHAPE.redis - 1} replicas, AOF, min-replicas-to-write 1) watched by ${SHAPE.sentinels} Sentinels (quorum 2, down after 3 s), ` +
  `${SHAPE.coordinators} coordinators (--replica-grace-s ${SHAPE.replicaGraceS}), ${SHAPE.workers} shard workers, ` +
  `each in its own network namespace; collection IVF${SHAPE.nlist},Flat dim ${SHAPE.dim}, replication factor ` +
  `${SHAPE.replicationFactor}; ${SHAPE.loopsPerCoordinator} client loops per coordinator on ${SHAPE.keys} ids ` +
  `at a time, ${SHAPE.deadlineMs / 1000} s deadlines`;
