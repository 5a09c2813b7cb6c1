import * as grpc from '@grpc/grpc-js';
import { FaissIndex } from '@vecshard/faiss';
import {
  type ClusterStatusResponse,
  type CollectionInfo,
  type CreateCollectionRequest__Output,
  failedPrecondition,
  invalidArgument,
  metricFromEnum,
  RpcError,
  routingFromEnum,
  schemaFromWire,
  unavailable,
} from '@vecshard/proto';
import { attachReplicas } from './attach-shard.js';
import { toCollectionInfo } from './collection-info.js';
import type { CollectionRecord, PlacementPolicyName } from './collection-record.js';
import { type CallWithDeadline, type CoordinatorContext, workerDeadline } from './context.js';
import { keepsIdFilters } from './id-filters/id-filters.js';
import { countPerList, placeShards } from './placement/list-placement.js';
import { estimateCentroids, localityGroups, refineByCoProbes } from './placement/locality-groups.js';
import { replicaWorkers } from './replicas/replica-set.js';
import { checkCollectionName, checkDim, checkNprobe, decodeRows } from './validation.js';
import { collectionVectors, collectWorkerStats } from './worker-stats.js';

/** Validates a creation request and stores the new, untrained collection. */
export async function createCollection(ctx: CoordinatorContext, req: CreateCollectionRequest__Output) {
  checkCollectionName(req.name);
  checkDim(req.dim);
  const metric = metricFromEnum(req.metric);
  if (!metric) throw invalidArgument('metric must be set: METRIC_L2, METRIC_INNER_PRODUCT or METRIC_COSINE');
  const routing = routingFromEnum(req.routing);
  if (!routing)
    throw invalidArgument(`routing ${req.routing} is not known: use ROUTING_LISTS or ROUTING_SCATTER`);
  const nlist = ivfListCount(req.index, req.dim, metric);
  const nprobe = req.nprobe || 1;
  checkNprobe(nprobe, nlist);
  const fields = schemaFromWire(req.fields, req.partitionKey);
  const record: CollectionRecord = {
    name: req.name,
    dim: req.dim,
    metric,
    index: req.index,
    nprobe,
    shards: req.shards,
    // Rows are placed by tenant, whatever routing says: every shard holds every list.
    routing: req.partitionKey ? 'scatter' : routing,
    replicationFactor: req.replicationFactor || 1,
    placementPolicy: placementPolicyOf(req.placementPolicy),
    state: 'created',
    nlist,
    placement: [],
    createdAtMs: Date.now(),
    ...(fields.length > 0 ? { fields } : {}),
    ...(req.partitionKey ? { partitionKey: req.partitionKey } : {}),
  };
  if (!(await ctx.store.create(record))) {
    throw new RpcError(grpc.status.ALREADY_EXISTS, `collection "${req.name}" already exists`);
  }
  return toCollectionInfo(record, (id) => ctx.workers.get(id));
}

/** The policy a creation request asks for; unset means locality. */
function placementPolicyOf(policy: CreateCollectionRequest__Output['placementPolicy']): PlacementPolicyName {
  switch (policy) {
    case 'PLACEMENT_POLICY_BALANCED':
      return 'balanced';
    case 'PLACEMENT_POLICY_LOCALITY':
    case 'PLACEMENT_POLICY_UNSPECIFIED':
      return 'locality';
    default:
      throw invalidArgument(
        `placement_policy ${policy} is not known: use PLACEMENT_POLICY_LOCALITY or PLACEMENT_POLICY_BALANCED`,
      );
  }
}

/**
 * Lists grouped so that neighbours share a shard: their centroids, estimated
 * from the training sample's coarse assignment, grouped by balanced k-means,
 * then refined on the lists the sample's rows probe together (at the
 * collection's nprobe, at least 8), which is what a search's fan-out counts.
 */
async function groupNeighbours(
  index: FaissIndex,
  sample: Float32Array,
  dim: number,
  loads: Float64Array,
  shardCount: number,
  nprobe: number,
): Promise<number[][]> {
  const probes = Math.min(index.nlist, Math.max(nprobe, 8));
  const { lists } = await index.assign(sample, probes);
  const centroids = estimateCentroids(sample, dim, lists, probes, index.nlist);
  return refineByCoProbes(localityGroups(centroids, dim, loads, shardCount), lists, probes, loads);
}

/** Number of inverted lists of a factory string's index, refusing anything that is not IVF. */
function ivfListCount(factory: string, dim: number, metric: 'l2' | 'ip' | 'cosine'): number {
  if (!factory.trim()) throw invalidArgument('index must be a FAISS factory string such as "IVF1024,Flat"');
  let index: FaissIndex;
  try {
    index = FaissIndex.create(dim, factory, metric);
  } catch (error) {
    throw invalidArgument(
      `index "${factory}" is not a FAISS factory string FAISS accepts: ${(error as Error).message}`,
    );
  }
  if (!index.isIvf) {
    throw invalidArgument(
      `index "${factory}" is not an IVF index; vecshard shards inverted lists, so use e.g. "IVF1024,Flat", "IVF256,SQ8" or "IVF256,PQ16"`,
    );
  }
  return index.nlist;
}

/**
 * Trains the collection's index on the sample, keeps the trained, empty index
 * as the template, places the lists on live workers and attaches each shard.
 */
export async function trainCollection(
  ctx: CoordinatorContext,
  name: string,
  sample: Uint8Array,
  call: CallWithDeadline,
): Promise<CollectionInfo> {
  const { record } = await ctx.catalog.get(name);
  if (record.state === 'ready') throw failedPrecondition(`collection "${name}" is already trained`);
  const vectors = decodeRows(sample, record.dim, 'training vectors');
  const n = vectors.length / record.dim;
  if (n < record.nlist) {
    throw invalidArgument(
      `${n} training vectors for ${record.nlist} lists: give at least one per list (≈39 per list is better)`,
    );
  }
  const index = FaissIndex.create(record.dim, record.index, record.metric);
  try {
    await index.train(vectors);
  } catch (error) {
    throw invalidArgument(`training "${record.index}" failed: ${(error as Error).message}`);
  }
  const template = await index.serialize();
  const loads = countPerList((await index.assign(vectors, 1)).lists, record.nlist);

  await ctx.workers.refresh();
  const live = ctx.workers.placeable();
  if (live.length === 0) throw unavailable('no shard worker is alive: start at least one worker, then train');
  const shardCount = record.shards || live.length;
  if (shardCount > live.length) {
    throw failedPrecondition(
      `collection "${name}" asks for ${shardCount} shards but only ${live.length} workers are alive`,
    );
  }
  if (record.replicationFactor > live.length) {
    throw failedPrecondition(
      `collection "${name}" asks for ${record.replicationFactor} copies of every shard, on distinct workers, ` +
        `but only ${live.length} workers are alive`,
    );
  }
  const groups =
    record.routing === 'lists' && record.placementPolicy === 'locality'
      ? await groupNeighbours(index, vectors, record.dim, loads, shardCount, record.nprobe)
      : undefined;
  const placement = placeShards(
    record,
    loads,
    live.map((w) => w.id),
    shardCount,
    groups,
  );
  const deadline = workerDeadline(ctx, call);
  await Promise.all(
    placement.map((shard) =>
      attachReplicas(ctx, { name, metric: record.metric, fields: record.fields }, shard, template, deadline),
    ),
  );
  const trained: CollectionRecord = { ...record, state: 'ready', placement };
  // Nothing stored yet: empty filters are exact, and every write from now on keeps them so.
  if (keepsIdFilters(trained)) await ctx.idFilters.create(name, placement.length);
  await ctx.store.saveTrained(trained, template);
  ctx.catalog.invalidate(name);
  return toCollectionInfo(trained, (id) => ctx.workers.get(id));
}

export async function getCollection(ctx: CoordinatorContext, name: string, includeTemplate: boolean) {
  const { record } = await ctx.catalog.get(name);
  // A worker that restarted a moment ago is asked at its new address.
  await ctx.workers.refresh();
  const stats = await collectWorkerStats(ctx);
  return toCollectionInfo(record, (id) => ctx.workers.get(id), {
    vectors: collectionVectors(record, stats),
    template: includeTemplate ? await ctx.store.template(name) : undefined,
    loadingJob: await ctx.store.loadingJob(name),
    stats,
  });
}

export async function listCollections(ctx: CoordinatorContext): Promise<CollectionInfo[]> {
  await ctx.workers.refresh();
  const stats = await collectWorkerStats(ctx);
  const records = await ctx.store.all();
  const loadingJobs = await Promise.all(records.map((record) => ctx.store.loadingJob(record.name)));
  return records.map((record, i) =>
    toCollectionInfo(record, (id) => ctx.workers.get(id), {
      vectors: collectionVectors(record, stats),
      loadingJob: loadingJobs[i],
      stats,
    }),
  );
}

/** Removes the collection from Redis, then from its workers (a worker that is down forgets it when it restarts). */
export async function dropCollection(ctx: CoordinatorContext, name: string, call: CallWithDeadline) {
  const { record } = await ctx.catalog.get(name);
  await ctx.store.drop(name);
  await ctx.writeLog?.clear(name);
  ctx.catalog.invalidate(name);
  const deadline = workerDeadline(ctx, call);
  await Promise.allSettled(
    replicaWorkers(record).map((id) => {
      const worker = ctx.workers.get(id);
      return worker?.alive ? ctx.clients.call(worker, 'Drop', { collection: name }, deadline) : undefined;
    }),
  );
}

export async function clusterStatus(ctx: CoordinatorContext): Promise<ClusterStatusResponse> {
  await ctx.workers.refresh();
  const stats = await collectWorkerStats(ctx);
  const workers = ctx.workers.all().map((worker) => {
    const s = stats.get(worker.id);
    const sum = (field: 'vectors' | 'lists' | 'memoryBytes') =>
      (s?.collections ?? []).reduce((total, c) => total + Number(c[field]), 0);
    return {
      id: worker.id,
      address: worker.address,
      device: worker.device,
      alive: worker.alive,
      vectors: String(sum('vectors')),
      lists: sum('lists'),
      memoryBytes: String(sum('memoryBytes')),
      startedAtMs: String(worker.startedAtMs),
      // The registration carries it from the start; Stats covers a worker registered without it.
      faissBuild: worker.faissBuild ?? s?.faissBuild ?? '',
    };
  });
  return { workers, collections: await listCollections(ctx) };
}
