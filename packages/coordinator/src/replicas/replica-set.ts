import type { CollectionRecord, ReplicaPlacement, ShardPlacement } from '../collection-record.js';

/** Every worker holding some copy of the collection, each once. */
export function replicaWorkers(record: Pick<CollectionRecord, 'placement'>): string[] {
  return [...new Set(record.placement.flatMap((shard) => shard.replicas.map((r) => r.workerId)))];
}

/** The copies that hold every acknowledged write. */
export function readyReplicas(shard: ShardPlacement): ReplicaPlacement[] {
  return shard.replicas.filter((replica) => replica.state === 'ready');
}

/** The worker named as the shard's holder: its first ready copy, else its first copy. */
export function preferredWorker(shard: ShardPlacement): string {
  return (readyReplicas(shard)[0] ?? shard.replicas[0]).workerId;
}

/** The shard with one copy's state changed. */
export function withReplicaState(
  shard: ShardPlacement,
  workerId: string,
  state: ReplicaPlacement['state'],
): ShardPlacement {
  return {
    ...shard,
    replicas: shard.replicas.map((replica) =>
      replica.workerId === workerId ? { ...replica, state } : replica,
    ),
  };
}

/** Copies each worker holds over the given collections. */
export function copiesPerWorker(records: Pick<CollectionRecord, 'placement'>[]): Map<string, number> {
  const copies = new Map<string, number>();
  for (const record of records)
    for (const shard of record.placement)
      for (const { workerId } of shard.replicas) copies.set(workerId, (copies.get(workerId) ?? 0) + 1);
  return copies;
}
