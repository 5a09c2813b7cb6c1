import { snapshotLayout } from './snapshot-layout.js';
import { referencedBlobs } from './snapshot-manifest.js';
import type { StoredSnapshots } from './stored-snapshots.js';

export interface RetentionResult {
  deletedSnapshots: number;
  deletedBlobs: number;
}

/**
 * Keeps a collection's newest `keep` snapshots and deletes the older
 * manifests, then every blob no kept manifest references. A blob younger than
 * `graceMs` is spared even when unreferenced: it may belong to a snapshot
 * another coordinator is writing right now. Blobs left by a snapshot that
 * crashed before its manifest are collected the same way once they are old.
 */
export async function applyRetention(
  snapshots: StoredSnapshots,
  collection: string,
  keep: number,
  graceMs: number,
  now = Date.now(),
): Promise<RetentionResult> {
  const store = snapshots.store;
  const ids = await snapshots.ids(collection);
  const expired = ids.slice(0, Math.max(0, ids.length - keep));
  await store.delete(expired.map((id) => snapshotLayout.manifest(collection, id)));
  const kept = ids.slice(expired.length);

  const referenced = new Set<string>();
  for (const id of kept) {
    for (const sha of referencedBlobs(await snapshots.read(collection, id))) referenced.add(sha);
  }
  const blobs = await store.list(snapshotLayout.blobs(collection));
  const unreferenced = blobs.filter(
    (blob) => !referenced.has(blob.key.split('/').pop() ?? '') && now - blob.lastModifiedMs >= graceMs,
  );
  await store.delete(unreferenced.map((blob) => blob.key));
  return { deletedSnapshots: expired.length, deletedBlobs: unreferenced.length };
}
