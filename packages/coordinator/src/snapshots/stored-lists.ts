import { decodeIds } from '@vecshard/proto';
import { decodeListBlob } from '@vecshard/storage';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { readVerifiedBlob } from './blob-reader.js';
import { ImportBatch } from './import-batch.js';
import { listRouter } from './list-router.js';
import { readAhead } from './read-ahead.js';
import { snapshotLayout } from './snapshot-layout.js';
import type { ManifestList, SnapshotManifest } from './snapshot-manifest.js';
import type { StoredSnapshots } from './stored-snapshots.js';

/** Blobs read ahead of the one being sent. */
const READ_AHEAD = 4;

/** The stored parts of each list (one per old shard holding it), by list id. */
export function groupByList(lists: ManifestList[]): ManifestList[][] {
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
 * shard that owns them, and sends each shard's lists in batches to its copies
 * (every copy, or with `only` one copy of one shard). Resolves to the vectors
 * stored, counted once per shard.
 */
export async function importLists(
  ctx: CoordinatorContext,
  snapshots: StoredSnapshots,
  manifest: SnapshotManifest,
  record: CollectionRecord,
  byList: ManifestList[][],
  onList: () => Promise<void>,
  only?: { shard: number; workerId: string },
  /** Told the ids each shard receives (a restore fills the id filters with them). */
  onIds?: (shard: number, ids: BigInt64Array) => Promise<void>,
): Promise<number> {
  const batches = record.placement.map((shard) =>
    shard.replicas
      .filter((replica) => !only || (only.shard === shard.shard && only.workerId === replica.workerId))
      .map((replica) => new ImportBatch(ctx, record.name, record.epoch ?? 0, shard, replica.workerId)),
  );
  const route = listRouter(record);
  const read = (parts: ManifestList[]) =>
    Promise.all(
      parts.map(async (part) =>
        decodeListBlob(
          await readVerifiedBlob(snapshots.store, manifest.collection, part, describePart(manifest, part)),
          snapshotLayout.blob(manifest.collection, part.sha256),
        ),
      ),
    );
  let i = 0;
  for await (const parts of readAhead(byList, read, READ_AHEAD)) {
    for (const [shard, content] of route(byList[i][0].list, parts)) {
      if (onIds) await onIds(shard, decodeIds(content.ids as Uint8Array));
      for (const batch of batches[shard]) await batch.add(content);
    }
    i++;
    await onList();
  }
  let vectors = 0;
  for (const copies of batches) {
    const stored = [];
    for (const batch of copies) stored.push(await batch.flush());
    vectors += stored[0] ?? 0;
  }
  return vectors;
}

function describePart(manifest: SnapshotManifest, part: ManifestList): string {
  return `list ${part.list} of shard ${part.shard} in snapshot ${manifest.id}`;
}
