import type { WorkerStatsResponse__Output } from '@vecshard/proto';
import type { CollectionRecord, ReplicaPlacement, ShardPlacement } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import type { JobWithMove } from '../jobs/job-queue.js';
import { loadingBecause } from '../recovery/collection-loading.js';
import type { KnownWorker } from '../worker-directory.js';
import { collectWorkerStats } from '../worker-stats.js';
import { type MapMove, movesInProgress } from './moves-in-progress.js';

export type CopyState = 'READY' | 'CATCHING_UP' | 'DOWN' | 'LOADING';

/** One copy of a shard on one worker, with why it is not READY. */
export interface MapCopy {
  worker: string;
  state: CopyState;
  why?: string;
  vectors?: number;
}

export interface MapShard {
  shard: number;
  lists: number;
  expectedVectors: number;
  copies: MapCopy[];
}

export interface MapCollection {
  name: string;
  state: 'CREATED' | 'READY' | 'LOADING';
  why?: string;
  dim: number;
  metric: string;
  index: string;
  nlist: number;
  nprobe: number;
  routing: string;
  replicationFactor: number;
  placementPolicy: string;
  partitionKey?: string;
  fields: { name: string; type: string }[];
  vectors: number;
  lastSnapshot?: string;
  shards: MapShard[];
}

export interface MapWorker {
  id: string;
  address: string;
  state: 'alive' | 'dead' | 'drained';
  device: string;
  faissBuild: string;
  vectors: number;
  lists: number;
  memoryBytes: number;
  rssBytes: number;
  copies: number;
  startedAtMs: number;
}

/** The whole cluster as the console's map draws it. */
export interface ClusterMap {
  workers: MapWorker[];
  collections: MapCollection[];
  moves: MapMove[];
}

/** Reads the cluster now: the workers' registrations and stats, every collection's record, the moving jobs. */
export async function clusterMap(ctx: CoordinatorContext, jobs: JobWithMove[]): Promise<ClusterMap> {
  await ctx.workers.refresh();
  const [stats, records] = await Promise.all([collectWorkerStats(ctx), ctx.store.all()]);
  const loadingJobs = await Promise.all(records.map((record) => ctx.store.loadingJob(record.name)));
  const collections = records
    .map((record, i) => mapCollection(ctx, record, loadingJobs[i], stats))
    .sort((a, b) => a.name.localeCompare(b.name));
  const workers = ctx.workers.all().map((worker) => mapWorker(worker, stats.get(worker.id), records));
  return { workers, collections, moves: movesInProgress(jobs, records) };
}

function mapWorker(
  worker: KnownWorker,
  stats: WorkerStatsResponse__Output | undefined,
  records: CollectionRecord[],
): MapWorker {
  const sum = (field: 'vectors' | 'lists' | 'memoryBytes') =>
    (stats?.collections ?? []).reduce((total, c) => total + Number(c[field]), 0);
  const copies = records.reduce(
    (n, r) => n + r.placement.filter((s) => s.replicas.some((c) => c.workerId === worker.id)).length,
    0,
  );
  return {
    id: worker.id,
    address: worker.address,
    state: !worker.alive ? 'dead' : worker.drained ? 'drained' : 'alive',
    device: worker.device || stats?.device || '',
    faissBuild: worker.faissBuild ?? stats?.faissBuild ?? '',
    vectors: sum('vectors'),
    lists: sum('lists'),
    memoryBytes: sum('memoryBytes'),
    rssBytes: Number(stats?.rssBytes ?? 0),
    copies,
    startedAtMs: worker.startedAtMs,
  };
}

function mapCollection(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  loadingJob: string | undefined,
  stats: Map<string, WorkerStatsResponse__Output>,
): MapCollection {
  const why = record.state === 'ready' ? loadingBecause(record, loadingJob, stats) : undefined;
  const shards = record.placement.map((shard) => mapShard(ctx, record.name, shard, loadingJob, stats));
  return {
    name: record.name,
    state: record.state !== 'ready' ? 'CREATED' : why ? 'LOADING' : 'READY',
    why: record.state !== 'ready' ? 'not trained yet: train it, or import vectors' : why,
    dim: record.dim,
    metric: record.metric,
    index: record.index,
    nlist: record.nlist,
    nprobe: record.nprobe,
    routing: record.routing,
    replicationFactor: record.replicationFactor,
    placementPolicy: record.placementPolicy,
    partitionKey: record.partitionKey,
    fields: (record.fields ?? []).map((field) => ({ name: field.name, type: String(field.type) })),
    vectors: shards.reduce((sum, shard) => sum + shardVectors(shard), 0),
    lastSnapshot: record.lastSnapshot?.id,
    shards,
  };
}

/** A shard's vectors: a READY copy's count, or any copy's when none is READY. */
function shardVectors(shard: MapShard): number {
  const counted = [...shard.copies].sort((a, b) => Number(b.state === 'READY') - Number(a.state === 'READY'));
  return counted.find((copy) => copy.vectors !== undefined)?.vectors ?? 0;
}

function mapShard(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  loadingJob: string | undefined,
  stats: Map<string, WorkerStatsResponse__Output>,
): MapShard {
  return {
    shard: shard.shard,
    lists: shard.lists.length,
    expectedVectors: shard.expectedVectors,
    copies: shard.replicas.map((replica) =>
      mapCopy(ctx.workers.get(replica.workerId), replica, collection, shard.shard, loadingJob, stats),
    ),
  };
}

/** A copy's state as the console colours it, and the reason when it is not READY. */
function mapCopy(
  worker: KnownWorker | undefined,
  replica: ReplicaPlacement,
  collection: string,
  shard: number,
  loadingJob: string | undefined,
  stats: Map<string, WorkerStatsResponse__Output>,
): MapCopy {
  const answer = stats.get(replica.workerId);
  const held = answer?.collections.find((c) => c.collection === collection && c.shard === shard);
  const vectors = held ? Number(held.vectors) : undefined;
  const copy = { worker: replica.workerId, vectors };
  if (!worker) return { ...copy, state: 'DOWN', why: `worker ${replica.workerId} is not registered` };
  if (!worker.alive)
    return {
      ...copy,
      state: 'DOWN',
      why: `worker ${worker.id} stopped sending heartbeats (killed or stopped?)`,
    };
  // Its heartbeat is current but it did not answer just now: killed a moment ago, or stuck.
  if (!answer)
    return {
      ...copy,
      state: 'DOWN',
      why: `worker ${worker.id} is not answering (its heartbeat has not lapsed yet)`,
    };
  const refill = loadingJob ? ` (refill job ${loadingJob})` : '';
  if (replica.state === 'catching-up') {
    const since = replica.missedAtMs ? ` at ${new Date(replica.missedAtMs).toISOString()}` : '';
    return {
      ...copy,
      state: 'CATCHING_UP',
      why: `missed writes${since}; serves no reads until refilled${refill}`,
    };
  }
  if (held?.loading)
    return { ...copy, state: 'LOADING', why: `worker ${worker.id} is loading the shard${refill}` };
  if (!held)
    return {
      ...copy,
      state: 'CATCHING_UP',
      why: `worker ${worker.id} restarted and does not hold the shard yet${refill}`,
    };
  return { ...copy, state: 'READY' };
}
