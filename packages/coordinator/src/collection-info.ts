import {
  type CollectionInfo,
  metricToEnum,
  type ReplicaInfo,
  routingToEnum,
  schemaToWire,
} from '@vecshard/proto';
import type { CollectionRecord, ReplicaPlacement } from './collection-record.js';
import { preferredWorker } from './replicas/replica-set.js';
import type { KnownWorker } from './worker-directory.js';

/** A stored record as the API describes it. */
export function toCollectionInfo(
  record: CollectionRecord,
  worker: (id: string) => KnownWorker | undefined,
  vectors = 0,
  template?: Buffer,
  loadingJob?: string,
): CollectionInfo {
  return {
    name: record.name,
    dim: record.dim,
    metric: metricToEnum(record.metric),
    index: record.index,
    nprobe: record.nprobe,
    shards: record.shards,
    routing: routingToEnum(record.routing),
    state: publicState(record, loadingJob),
    nlist: record.nlist,
    placement: record.placement.map((shard) => {
      const preferred = preferredWorker(shard);
      return {
        shard: shard.shard,
        workerId: preferred,
        address: worker(preferred)?.address ?? '',
        lists: shard.lists,
        expectedVectors: String(shard.expectedVectors),
        replicas: shard.replicas.map((replica) => replicaInfo(replica, worker(replica.workerId))),
      };
    }),
    replicationFactor: record.replicationFactor,
    placementPolicy:
      record.placementPolicy === 'locality' ? 'PLACEMENT_POLICY_LOCALITY' : 'PLACEMENT_POLICY_BALANCED',
    vectors: String(vectors),
    template: template ?? Buffer.alloc(0),
    createdAtMs: String(record.createdAtMs),
    loadingJob: record.state === 'ready' ? (loadingJob ?? '') : '',
    fields: schemaToWire(record.fields ?? []),
    partitionKey: record.partitionKey ?? '',
  };
}

function replicaInfo(replica: ReplicaPlacement, worker: KnownWorker | undefined): ReplicaInfo {
  let state: ReplicaInfo['state'] = 'REPLICA_STATE_DOWN';
  if (worker?.alive) state = replica.state === 'ready' ? 'REPLICA_STATE_READY' : 'REPLICA_STATE_CATCHING_UP';
  return { workerId: replica.workerId, address: worker?.address ?? '', state };
}

/** Loading while a refill job runs, or while some shard has no ready copy (its refill is about to be queued). */
function publicState(record: CollectionRecord, loadingJob: string | undefined): CollectionInfo['state'] {
  if (record.state !== 'ready') return 'COLLECTION_STATE_CREATED';
  const unserved = record.placement.some((shard) => !shard.replicas.some((r) => r.state === 'ready'));
  return loadingJob || unserved ? 'COLLECTION_STATE_LOADING' : 'COLLECTION_STATE_READY';
}
