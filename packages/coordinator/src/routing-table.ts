import {
  encodeArray,
  metricToEnum,
  quantizerDigest,
  type RoutingTable,
  routingToEnum,
} from '@vecshard/proto';
import type { LiveCollection } from './collection-catalog.js';
import type { CoordinatorContext } from './context.js';
import { readyReplicas } from './replicas/replica-set.js';

type ReadyCollection = Required<LiveCollection>;

/**
 * Lists encoded without the residual to the centroid (IVF-Flat) ignore the
 * coarse distances, and a flat quantizer assigns exactly: only then can a
 * client that assigns queries itself reproduce the coordinator's results.
 * Other factories (SQ/PQ by residual, HNSW or other approximate quantizers)
 * are searched through the coordinator.
 */
const CLIENT_ASSIGNABLE = /^\s*IVF\d+\s*,\s*Flat\s*$/i;

/**
 * What a client needs to route a search itself: the quantizer's centroids,
 * the placement epoch, and per shard its lists and the addresses of its
 * READY copies on live workers (a copy catching up is never listed, as the
 * coordinator never reads one either); and the partition key, by which a
 * client sends a tenant's filtered search to the tenant's shard alone.
 */
export function routingTable(ctx: CoordinatorContext, collection: ReadyCollection): RoutingTable {
  const { record, template } = collection;
  const centroids = template.centroids();
  return {
    collection: record.name,
    dim: record.dim,
    metric: metricToEnum(record.metric),
    nlist: record.nlist,
    nprobe: record.nprobe,
    routing: routingToEnum(record.routing),
    centroids: encodeArray(centroids),
    quantizerDigest: quantizerDigest(centroids),
    epoch: String(record.epoch ?? 0),
    clientAssignable: record.routing === 'lists' && CLIENT_ASSIGNABLE.test(record.index),
    partitionKey: record.partitionKey ?? '',
    shards: record.placement.map((shard) => ({
      shard: shard.shard,
      lists: shard.lists,
      addresses: readyReplicas(shard)
        .map((replica) => ctx.workers.get(replica.workerId))
        .filter((worker) => worker?.alive && worker.address)
        .map((worker) => worker!.address),
    })),
  };
}
