import { type CollectionInfo, metricToEnum, routingToEnum } from '@vecshard/proto';
import type { CollectionRecord } from './collection-record.js';
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
    loadingJob: record.state === 'ready' ? (loadingJob ?? '') : '',
  };
}

function publicState(record: CollectionRecord, loadingJob: string | undefined): CollectionInfo['state'] {
  if (record.state !== 'ready') return 'COLLECTION_STATE_CREATED';
  return loadingJob ? 'COLLECTION_STATE_LOADING' : 'COLLECTION_STATE_READY';
}
