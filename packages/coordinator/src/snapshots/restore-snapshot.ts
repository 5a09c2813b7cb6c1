import { failedPrecondition, unavailable } from '@vecshard/proto';
import { attachReplicas } from '../attach-shard.js';
import type { CollectionRecord } from '../collection-record.js';
import { type CoordinatorContext, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import { keepsIdFilters } from '../id-filters/id-filters.js';
import type { ProgressSink } from '../jobs/job-kinds.js';
import { placeShards } from '../placement/list-placement.js';
import { replicaWorkers } from '../replicas/replica-set.js';
import { LOG_START } from '../write-log.js';
import { checkBlobsPresent, readVerifiedBlob } from './blob-reader.js';
import type { SnapshotManifest } from './snapshot-manifest.js';
import { groupByList, importLists } from './stored-lists.js';
import type { StoredSnapshots } from './stored-snapshots.js';

export interface RestoreResult {
  snapshotId: string;
  vectors: number;
  shards: number;
}

/**
 * Brings a collection back from a snapshot onto the live workers, however many
 * there are now: lists are placed afresh by their stored counts, each shard
 * gets the stored template, then its lists. A collection of the same name is
 * replaced. Every blob is checked against its sha256; a mismatch stops the
 * restore, naming the blob, and leaves the collection absent rather than
 * answering from part of its data.
 */
export async function restoreSnapshot(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  collection: string,
  snapshotId: string,
  progress: ProgressSink,
): Promise<RestoreResult> {
  const manifest = await snapshots.read(collection, snapshotId);
  const store = snapshots.store;
  await checkBlobsPresent(store, collection, [manifest.template, ...manifest.lists]);
  const template = await readVerifiedBlob(
    store,
    collection,
    manifest.template,
    `template of snapshot ${manifest.id}`,
  );

  return serializeWrites(collection, async () => {
    const record = await placeRestored(ctx, manifest);
    await replaceCollection(ctx, record, template);
    try {
      // The id filters are filled with the ids each new shard receives, and consulted once all are in.
      const filtered = keepsIdFilters(record);
      if (filtered) await ctx.idFilters.create(collection, record.placement.length, 'building');
      const byList = groupByList(manifest.lists);
      let done = 0;
      await progress(0, byList.length);
      const vectors = await importLists(
        ctx,
        snapshots,
        manifest,
        record,
        byList,
        async () => {
          done++;
          if (done % 16 === 0 || done === byList.length) await progress(done, byList.length);
        },
        undefined,
        filtered ? (shard, ids) => ctx.idFilters.add(collection, shard, ids) : undefined,
      );
      if (vectors !== manifest.vectors) {
        throw new Error(`restored ${vectors} vectors, the snapshot holds ${manifest.vectors}`);
      }
      if (filtered) await ctx.idFilters.markReady(collection);
      await ctx.store.saveTrained(record, template);
      ctx.catalog.invalidate(collection);
      return { snapshotId: manifest.id, vectors, shards: record.placement.length };
    } catch (error) {
      await forget(ctx, record);
      throw error;
    }
  });
}

/** The restored collection's record: the stored configuration placed over today's live workers. */
async function placeRestored(ctx: CoordinatorContext, manifest: SnapshotManifest): Promise<CollectionRecord> {
  await ctx.workers.refresh();
  const live = ctx.workers.placeable();
  if (live.length === 0) throw unavailable('no shard worker is alive: start workers, then restore');
  const wanted = manifest.config.shards || live.length;
  const config = { ...manifest.config, replicationFactor: manifest.config.replicationFactor || 1 };
  if (config.replicationFactor > live.length) {
    throw failedPrecondition(
      `collection "${manifest.collection}" keeps ${config.replicationFactor} copies of every shard, on distinct ` +
        `workers, but only ${live.length} workers are alive`,
    );
  }
  const loads = new Float64Array(config.nlist);
  for (const entry of manifest.lists) loads[entry.list] += entry.vectors;
  const placement = placeShards(
    config,
    loads,
    live.map((worker) => worker.id),
    Math.min(wanted, live.length),
  );
  // The restored state is the snapshot's: writes logged before the restore no longer apply.
  return {
    ...config,
    state: 'ready',
    placement,
    lastSnapshot: { id: manifest.id, logPosition: LOG_START },
  };
}

/** Drops any collection of that name, then attaches the template on every new shard. */
async function replaceCollection(ctx: CoordinatorContext, record: CollectionRecord, template: Buffer) {
  const existing = await ctx.store.get(record.name);
  if (existing) await forget(ctx, existing);
  else await ctx.writeLog?.clear(record.name);
  const created = { ...record, state: 'created' as const, placement: [] };
  await ctx.store.create(created);
  ctx.catalog.invalidate(record.name);
  const deadline = workerDeadline(ctx);
  await Promise.all(record.placement.map((shard) => attachReplicas(ctx, record, shard, template, deadline)));
}

/** Removes a collection from Redis and from its live workers. */
async function forget(ctx: CoordinatorContext, record: CollectionRecord): Promise<void> {
  await ctx.store.drop(record.name);
  await ctx.writeLog?.clear(record.name);
  ctx.catalog.invalidate(record.name);
  const deadline = workerDeadline(ctx);
  await Promise.allSettled(
    replicaWorkers(record).map((id) => {
      const worker = ctx.workers.get(id);
      return worker?.alive
        ? ctx.clients.call(worker, 'Drop', { collection: record.name }, deadline)
        : undefined;
    }),
  );
}
