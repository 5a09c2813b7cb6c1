import { randomBytes } from 'node:crypto';

/**
 * Where a collection's snapshots live in the object store:
 *
 *   collections/<name>/blobs/<sha256>          content-addressed list data and templates
 *   collections/<name>/snapshots/<id>.json     one manifest per snapshot
 *
 * Blobs are named by their content's hash, so a list unchanged since an earlier
 * snapshot already has its blob and is not uploaded again. A snapshot exists
 * once its manifest does: the manifest is written last.
 */
export const snapshotLayout = {
  blobs: (collection: string) => `collections/${collection}/blobs/`,
  blob: (collection: string, sha256: string) => `collections/${collection}/blobs/${sha256}`,
  manifests: (collection: string) => `collections/${collection}/snapshots/`,
  manifest: (collection: string, id: string) => `collections/${collection}/snapshots/${id}.json`,
};

/** The snapshot id in a manifest key, or undefined for other keys. */
export function snapshotIdOf(key: string): string | undefined {
  return /\/snapshots\/([^/]+)\.json$/.exec(key)?.[1];
}

/**
 * A new snapshot id: the UTC time to the millisecond and a random suffix, so
 * ids sort by age and two coordinators never pick the same one.
 */
export function newSnapshotId(now = new Date()): string {
  const time = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${time}-${randomBytes(3).toString('hex')}`;
}

/** Snapshot ids are made of these characters only; anything else is refused before touching the store. */
export function isSnapshotId(id: string): boolean {
  return /^[0-9A-Za-z-]{1,64}$/.test(id);
}
