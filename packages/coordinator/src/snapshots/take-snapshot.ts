import { faissVersion } from '@vecshard/faiss';
import { failedPrecondition, type WorkerListContent__Output } from '@vecshard/proto';
import type { ObjectStore } from '@vecshard/storage';
import { encodeListBlob, sha256 } from '@vecshard/storage';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, shardTarget, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { ProgressSink } from '../jobs/job-kinds.js';
import { LOG_START } from '../write-log.js';
import { newSnapshotId, snapshotLayout } from './snapshot-layout.js';
import {
  type BlobRef,
  type ManifestList,
  referencedBlobs,
  type SnapshotManifest,
} from './snapshot-manifest.js';
import type { StoredSnapshots } from './stored-snapshots.js';

export interface SnapshotResult {
  snapshotId: string;
  vectors: number;
  bytes: number;
  /** List blobs (and template) written by this snapshot; the rest were already stored. */
  uploadedBlobs: number;
  uploadedBytes: number;
  reusedBlobs: number;
}

/**
 * Takes a snapshot of a collection: streams every shard's lists from its
 * worker, uploads each list whose content is not stored yet, then commits the
 * manifest. Writes through this coordinator wait meanwhile, so the snapshot is
 * one point in time.
 */
export async function takeSnapshot(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  collection: string,
  progress: ProgressSink,
): Promise<SnapshotResult> {
  return serializeWrites(collection, async () => {
    const { record } = await ctx.catalog.get(collection);
    if (record.state !== 'ready') throw failedPrecondition(`collection "${collection}" is not trained yet`);
    const previous = await snapshots.latest(collection);
    const known = new Set(previous ? referencedBlobs(previous) : []);
    const uploader = new BlobUploader(snapshots.store, collection, known);
    const logPosition = (await ctx.writeLog?.last(collection)) ?? LOG_START;
    const template = await ctx.store.template(collection);
    if (!template) throw failedPrecondition(`collection "${collection}" has no template index`);
    const templateRef = await uploader.upload(template);

    const total = record.placement.reduce((sum, shard) => sum + shard.lists.length, 0);
    let done = 0;
    await progress(0, total);
    // Every shard finishes (or fails) before the job does, so no upload outlives it.
    const perShard = await Promise.allSettled(
      record.placement.map((shard) =>
        snapshotShard(ctx, record, shard, uploader, async (count) => {
          const before = done;
          done += count;
          if (Math.floor(done / 16) > Math.floor(before / 16) || done === total) await progress(done, total);
        }),
      ),
    );
    const failed = perShard.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const lists = perShard.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    const manifest = buildManifest(record, templateRef, lists, logPosition);
    await snapshots.commit(manifest);
    // Restarted workers are rebuilt from this snapshot now; the writes it holds leave the log.
    await ctx.store.update(collection, (stored) => ({
      ...stored,
      lastSnapshot: { id: manifest.id, logPosition },
    }));
    ctx.catalog.invalidate(collection);
    await ctx.writeLog?.trimThrough(collection, logPosition);
    return {
      snapshotId: manifest.id,
      vectors: manifest.vectors,
      bytes: manifest.bytes,
      ...uploader.counts,
    };
  });
}

/**
 * One shard's part of a snapshot. The worker first reports each list's blob
 * hash; only lists whose blob is not stored yet are streamed over and
 * uploaded, so an unchanged list costs a hash on the worker, not a transfer.
 */
async function snapshotShard(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  shard: ShardPlacement,
  uploader: BlobUploader,
  onLists: (count: number) => Promise<void>,
): Promise<ManifestList[]> {
  const target = shardTarget(ctx, record.name, shard);
  const { digests } = await ctx.clients.call(
    target,
    'ListDigests',
    { collection: record.name, shard: shard.shard },
    workerDeadline(ctx),
  );
  const stored: ManifestList[] = [];
  const missing: number[] = [];
  for (const digest of digests) {
    const blob = { sha256: digest.sha256, bytes: Number(digest.bytes) };
    if (await uploader.has(blob)) {
      stored.push({ shard: shard.shard, list: digest.list, vectors: Number(digest.vectors), ...blob });
    } else missing.push(digest.list);
  }
  await onLists(shard.lists.length - missing.length);
  if (missing.length === 0) return stored;
  const stream = ctx.clients.stream(target, 'ExportLists', {
    collection: record.name,
    shard: shard.shard,
    lists: missing,
  });
  for await (const content of stream as AsyncIterable<WorkerListContent__Output>) {
    const vectors = content.ids.byteLength / 8;
    if (vectors > 0) {
      const blob = await uploader.upload(encodeListBlob(content));
      stored.push({ shard: shard.shard, list: content.list, vectors, ...blob });
    }
    uploader.counts.exportedLists++;
    await onLists(1);
  }
  return stored;
}

function buildManifest(
  record: CollectionRecord,
  template: BlobRef,
  lists: ManifestList[],
  logPosition: string,
): SnapshotManifest {
  const { state: _state, placement, lastSnapshot: _last, ...config } = record;
  lists.sort((a, b) => a.shard - b.shard || a.list - b.list);
  return {
    format: 'vecshard-snapshot/1',
    id: newSnapshotId(),
    collection: record.name,
    createdAtMs: Date.now(),
    faissVersion: faissVersion(),
    config,
    template,
    placement,
    lists,
    vectors: lists.reduce((sum, list) => sum + list.vectors, 0),
    bytes: lists.reduce((sum, list) => sum + list.bytes, 0),
    logPosition,
  };
}

/**
 * Writes blobs under their hash, skipping those the previous snapshot already
 * references or the store already has (the same content uploaded once).
 */
class BlobUploader {
  readonly counts = { uploadedBlobs: 0, uploadedBytes: 0, reusedBlobs: 0, exportedLists: 0 };
  /** Hashes just looked up and not found, so uploading them needs no second lookup. */
  private readonly absent = new Set<string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly collection: string,
    private readonly known: Set<string>,
  ) {}

  /** Whether a blob is stored already (counted as reused when it is). */
  async has(blob: BlobRef): Promise<boolean> {
    const stored =
      this.known.has(blob.sha256) ||
      (await this.store.head(snapshotLayout.blob(this.collection, blob.sha256)))?.size === blob.bytes;
    if (stored) {
      this.counts.reusedBlobs++;
      this.known.add(blob.sha256);
    } else this.absent.add(blob.sha256);
    return stored;
  }

  async upload(blob: Buffer): Promise<BlobRef> {
    const hash = sha256(blob);
    const key = snapshotLayout.blob(this.collection, hash);
    if (this.known.has(hash) || (!this.absent.has(hash) && (await this.store.head(key)))) {
      this.counts.reusedBlobs++;
    } else {
      await this.store.put(key, blob);
      this.counts.uploadedBlobs++;
      this.counts.uploadedBytes += blob.byteLength;
    }
    this.known.add(hash);
    return { sha256: hash, bytes: blob.byteLength };
  }
}
