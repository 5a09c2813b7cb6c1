import { decodeIds, metricToEnum, unavailable, type WorkerListContent } from '@vecshard/proto';
import { placeShards } from '../collection-admin.js';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, shardTarget, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { ProgressSink } from '../jobs/job-kinds.js';
import { listOwners } from '../placement.js';
import { scatterShardOf } from '../routing.js';
import { LOG_START } from '../write-log.js';
import { checkBlobsPresent, readVerifiedBlob } from './blob-reader.js';
import { decodeListBlob, type ListData } from './list-blob.js';
import { replayWrites } from './replay-writes.js';
import { snapshotLayout } from './snapshot-layout.js';
import type { ManifestList, SnapshotManifest } from './snapshot-manifest.js';
import type { StoredSnapshots } from './stored-snapshots.js';

export interface RestoreResult {
  snapshotId: string;
  vectors: number;
  shards: number;
}

/** Lists sent to a worker in one ImportLists call, at most about this many bytes. */
const IMPORT_BATCH_BYTES = 32 * 1024 * 1024;
/** Blobs read ahead of the one being sent. */
const READ_AHEAD = 4;

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
      const byList = groupByList(manifest.lists);
      let done = 0;
      await progress(0, byList.length);
      const vectors = await importLists(ctx, snapshots, manifest, record, byList, async () => {
        done++;
        if (done % 16 === 0 || done === byList.length) await progress(done, byList.length);
      });
      if (vectors !== manifest.vectors) {
        throw new Error(`restored ${vectors} vectors, the snapshot holds ${manifest.vectors}`);
      }
      await ctx.store.saveTrained(record, template);
      ctx.catalog.invalidate(collection);
      return { snapshotId: manifest.id, vectors, shards: record.placement.length };
    } catch (error) {
      await forget(ctx, record);
      throw error;
    }
  });
}

/**
 * Gives a restarted worker its shard of a collection back: the template, the
 * shard's lists from the collection's last snapshot (if it has one), then the
 * writes logged since that snapshot, so every acknowledged write is there
 * again. Resolves to the vectors restored from the snapshot and the writes
 * replayed.
 */
export async function restoreShard(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  record: CollectionRecord,
  shard: ShardPlacement,
): Promise<{ vectors: number; snapshotId?: string; replayedWrites: number }> {
  const template = await ctx.store.template(record.name);
  if (!template) throw new Error(`collection "${record.name}" has no template index`);
  await ctx.clients.call(
    shardTarget(ctx, record.name, shard),
    'Attach',
    {
      collection: record.name,
      template,
      metric: metricToEnum(record.metric),
      lists: shard.lists,
      shard: shard.shard,
    },
    workerDeadline(ctx),
  );
  const base = record.lastSnapshot;
  let vectors = 0;
  if (base) {
    const manifest = await snapshots.read(record.name, base.id);
    const owned = new Set(shard.lists);
    const byList = groupByList(manifest.lists).filter(
      (parts) => record.routing === 'scatter' || owned.has(parts[0].list),
    );
    vectors = await importLists(ctx, snapshots, manifest, record, byList, async () => {}, shard.shard);
  }
  const log = ctx.writeLog?.after(record.name, base?.logPosition ?? LOG_START);
  const replayedWrites = log ? await replayWrites(ctx, record, shard, log) : 0;
  return { vectors, snapshotId: base?.id, replayedWrites };
}

/** The restored collection's record: the stored configuration placed over today's live workers. */
async function placeRestored(ctx: CoordinatorContext, manifest: SnapshotManifest): Promise<CollectionRecord> {
  await ctx.workers.refresh();
  const live = ctx.workers.live();
  if (live.length === 0) throw unavailable('no shard worker is alive: start workers, then restore');
  const wanted = manifest.config.shards || live.length;
  const workerIds = live.slice(0, Math.min(wanted, live.length)).map((worker) => worker.id);
  const loads = new Float64Array(manifest.config.nlist);
  for (const entry of manifest.lists) loads[entry.list] += entry.vectors;
  const placement = placeShards(manifest.config, loads, workerIds);
  // The restored state is the snapshot's: writes logged before the restore no longer apply.
  return {
    ...manifest.config,
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
  await Promise.all(
    record.placement.map((shard) =>
      ctx.clients.call(
        shardTarget(ctx, record.name, shard),
        'Attach',
        {
          collection: record.name,
          template,
          metric: metricToEnum(record.metric),
          lists: shard.lists,
          shard: shard.shard,
        },
        deadline,
      ),
    ),
  );
}

/** Removes a collection from Redis and from its live workers. */
async function forget(ctx: CoordinatorContext, record: CollectionRecord): Promise<void> {
  await ctx.store.drop(record.name);
  await ctx.writeLog?.clear(record.name);
  ctx.catalog.invalidate(record.name);
  const deadline = workerDeadline(ctx);
  await Promise.allSettled(
    record.placement.map((shard) => {
      const worker = ctx.workers.get(shard.workerId);
      return worker?.alive
        ? ctx.clients.call(worker, 'Drop', { collection: record.name }, deadline)
        : undefined;
    }),
  );
}

/** The stored parts of each list (one per old shard holding it), by list id. */
function groupByList(lists: ManifestList[]): ManifestList[][] {
  const byList = new Map<number, ManifestList[]>();
  for (const entry of lists) {
    const parts = byList.get(entry.list) ?? [];
    parts.push(entry);
    byList.set(entry.list, parts);
  }
  return [...byList.keys()].sort((a, b) => a - b).map((list) => byList.get(list)!);
}

/**
 * Reads the lists' blobs (a few ahead), routes each list's rows to the new
 * shard that owns them, and sends each shard its lists in batches.
 */
async function importLists(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  manifest: SnapshotManifest,
  record: CollectionRecord,
  byList: ManifestList[][],
  onList: () => Promise<void>,
  onlyShard?: number,
): Promise<number> {
  const batches = record.placement.map((shard) => new ImportBatch(ctx, record.name, shard));
  const route = router(record);
  const read = (parts: ManifestList[]) =>
    Promise.all(
      parts.map(async (part) =>
        decodeListBlob(
          await readVerifiedBlob(snapshots.store, manifest.collection, part, describePart(manifest, part)),
          snapshotLayout.blob(manifest.collection, part.sha256),
        ),
      ),
    );
  const pending = byList.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < byList.length; i++) {
    const parts = await pending[i];
    if (i + READ_AHEAD < byList.length) pending.push(read(byList[i + READ_AHEAD]));
    pending[i] = Promise.resolve([]);
    for (const [shard, content] of route(byList[i][0].list, parts)) {
      if (onlyShard === undefined || shard === onlyShard) await batches[shard].add(content);
    }
    await onList();
  }
  let vectors = 0;
  for (const batch of batches) vectors += await batch.flush();
  return vectors;
}

function describePart(manifest: SnapshotManifest, part: ManifestList): string {
  return `list ${part.list} of shard ${part.shard} in snapshot ${manifest.id}`;
}

type Router = (list: number, parts: ListData[]) => Map<number, WorkerListContent>;

/** Where a list's rows go: to the list's owner, or under scatter routing to each row's shard by id. */
function router(record: CollectionRecord): Router {
  if (record.routing === 'scatter') {
    const shardCount = record.placement.length;
    return (list, parts) => splitById(list, parts, shardCount);
  }
  const owners = listOwners(
    record.placement.map((shard) => shard.lists),
    record.nlist,
  );
  return (list, parts) => new Map([[owners[list], joinParts(list, parts)]]);
}

function joinParts(list: number, parts: ListData[]): WorkerListContent {
  return {
    list,
    ids: Buffer.concat(parts.map((part) => part.ids)),
    codes: Buffer.concat(parts.map((part) => part.codes)),
  };
}

function splitById(list: number, parts: ListData[], shardCount: number): Map<number, WorkerListContent> {
  const rows = new Map<number, { ids: Buffer[]; codes: Buffer[] }>();
  for (const part of parts) {
    const ids = decodeIds(part.ids);
    const codeSize = ids.length > 0 ? part.codes.byteLength / ids.length : 0;
    ids.forEach((id, row) => {
      const shard = scatterShardOf(id, shardCount);
      const into = rows.get(shard) ?? { ids: [], codes: [] };
      into.ids.push(Buffer.from(part.ids.subarray(row * 8, row * 8 + 8)));
      into.codes.push(Buffer.from(part.codes.subarray(row * codeSize, (row + 1) * codeSize)));
      rows.set(shard, into);
    });
  }
  return new Map(
    [...rows].map(([shard, into]) => [
      shard,
      { list, ids: Buffer.concat(into.ids), codes: Buffer.concat(into.codes) },
    ]),
  );
}

/** Lists waiting to go to one shard, sent when they reach IMPORT_BATCH_BYTES. */
class ImportBatch {
  private lists: WorkerListContent[] = [];
  private bytes = 0;
  private vectors = 0;

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly collection: string,
    private readonly shard: ShardPlacement,
  ) {}

  async add(content: WorkerListContent): Promise<void> {
    this.lists.push(content);
    this.bytes += (content.ids as Buffer).byteLength + (content.codes as Buffer).byteLength;
    if (this.bytes >= IMPORT_BATCH_BYTES) await this.send();
  }

  /** Sends what is left; resolves to every vector this shard received. */
  async flush(): Promise<number> {
    await this.send();
    return this.vectors;
  }

  private async send(): Promise<void> {
    if (this.lists.length === 0) return;
    const lists = this.lists;
    this.lists = [];
    this.bytes = 0;
    const target = shardTarget(this.ctx, this.collection, this.shard);
    const response = await this.ctx.clients.call(
      target,
      'ImportLists',
      { collection: this.collection, lists },
      workerDeadline(this.ctx),
    );
    this.vectors += Number(response.vectors);
  }
}
