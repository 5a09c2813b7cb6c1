import {
  type CollectionInfo,
  metricToEnum,
  type ReplicaInfo,
  routingToEnum,
  schemaToWire,
  type WorkerStatsResponse__Output,
} from '@vecshard/proto';
import type { CollectionRecord, ReplicaPlacement } from './collection-record.js';
import { holdsServing, loadingBecause } from './recovery/collection-loading.js';
import { preferredWorker } from './replicas/replica-set.js';
import type { KnownWorker } from './worker-directory.js';

/** What the coordinator knows of a collection beyond its record. */
export interface CollectionView {
  vectors?: number;
  template?: Buffer;
  loadingJob?: string;
  /**
   * What each live worker reported holding just now: a copy the record calls
   * ready but its worker does not hold (it restarted empty, and the refill
   * watch has not looked yet) is described as catching up, and the
   * collection as loading, so nobody waits on a state that is out of date.
   */
  stats?: Map<string, WorkerStatsResponse__Output>;
}

/** A stored record as the API describes it. */
export function toCollectionInfo(
  record: CollectionRecord,
  worker: (id: string) => KnownWorker | undefined,
  view: CollectionView = {},
): CollectionInfo {
  const { vectors = 0, template, loadingJob, stats } = view;
  const empty = (shard: number, replica: ReplicaPlacement) =>
    replica.state === 'ready' && !holdsServing(stats, record.name, shard, replica.workerId);
  return {
    name: record.name,
    dim: record.dim,
    metric: metricToEnum(record.metric),
    index: record.index,
    nprobe: record.nprobe,
    shards: record.shards,
    routing: routingToEnum(record.routing),
    state: publicState(record, loadingJob, stats),
    nlist: record.nlist,
    placement: record.placement.map((shard) => {
      const preferred = preferredWorker(shard);
      return {
        shard: shard.shard,
        workerId: preferred,
        address: worker(preferred)?.address ?? '',
        lists: shard.lists,
        expectedVectors: String(shard.expectedVectors),
        replicas: shard.replicas.map((replica) =>
          replicaInfo(replica, worker(replica.workerId), empty(shard.shard, replica)),
        ),
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

function replicaInfo(
  replica: ReplicaPlacement,
  worker: KnownWorker | undefined,
  empty: boolean,
): ReplicaInfo {
  let state: ReplicaInfo['state'] = 'REPLICA_STATE_DOWN';
  if (worker?.alive)
    state = replica.state === 'ready' && !empty ? 'REPLICA_STATE_READY' : 'REPLICA_STATE_CATCHING_UP';
  return { workerId: replica.workerId, address: worker?.address ?? '', state };
}

/** Loading while a refill job runs or some shard is not served (see loadingBecause). */
function publicState(
  record: CollectionRecord,
  loadingJob: string | undefined,
  stats: CollectionView['stats'],
): CollectionInfo['state'] {
  if (record.state !== 'ready') return 'COLLECTION_STATE_CREATED';
  return loadingBecause(record, loadingJob, stats) ? 'COLLECTION_STATE_LOADING' : 'COLLECTION_STATE_READY';
}
