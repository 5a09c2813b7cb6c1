import { type CollectionInfo, metricToEnum, routingToEnum } from '@vecshard/proto';
import type { CollectionRecord } from './collection-record.js';
import type { KnownWorker } from './worker-directory.js';

/** A stored record as the API describes it. */
export function toCollectionInfo(
  record: CollectionRecord,
  worker: (id: string) => KnownWorker | undefined,
  vectors = 0,
  template?: Buffer,
): CollectionInfo {
  return {
    name: record.name,
    dim: record.dim,
    metric: metricToEnum(record.metric),
    index: record.index,
    nprobe: record.nprobe,
    shards: record.shards,
    routing: routingToEnum(record.routing),
    state: record.state === 'ready' ? 'COLLECTION_STATE_READY' : 'COLLECTION_STATE_CREATED',
    nlist: record.nlist,
    placement: record.placement.map((shard) => ({
      shard: shard.shard,
      workerId: shard.workerId,
      address: worker(shard.workerId)?.address ?? '',
      lists: shard.lists,
      expectedVectors: String(shard.expectedVectors),
    })),
    vectors: String(vectors),
    template: template ?? Buffer.alloc(0),
    createdAtMs: String(record.createdAtMs),
  };
}
