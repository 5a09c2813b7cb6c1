import type { CollectionRecord, ShardPlacement } from '../collection-record.js';

/** One stored inverted list of one shard. Empty lists are not stored. */
export interface ManifestList {
  shard: number;
  list: number;
  vectors: number;
  bytes: number;
  sha256: string;
}

/** A stored blob referenced by hash. */
export interface BlobRef {
  sha256: string;
  bytes: number;
}

/**
 * Everything a fresh cluster needs to bring a collection back: its
 * configuration, the trained template, where its lists were, and a checksum
 * of every list blob.
 */
export interface SnapshotManifest {
  format: 'vecshard-snapshot/1';
  id: string;
  collection: string;
  createdAtMs: number;
  faissVersion: string;
  config: Omit<CollectionRecord, 'state' | 'placement' | 'lastSnapshot'>;
  template: BlobRef;
  placement: ShardPlacement[];
  lists: ManifestList[];
  vectors: number;
  /** Bytes of list data the snapshot references. */
  bytes: number;
  /** The collection's write-log position the snapshot covers (writes after it are not in it). */
  logPosition: string;
}

/** Parses a manifest, refusing anything that does not look like one. */
export function parseManifest(text: string, where: string): SnapshotManifest {
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(text) as SnapshotManifest;
  } catch (error) {
    throw new Error(`${where} is not JSON: ${(error as Error).message}`);
  }
  if (manifest?.format !== 'vecshard-snapshot/1' || !Array.isArray(manifest.lists) || !manifest.template) {
    throw new Error(`${where} is not a vecshard snapshot manifest`);
  }
  return manifest;
}

/** Every blob a manifest references. */
export function referencedBlobs(manifest: SnapshotManifest): string[] {
  return [manifest.template.sha256, ...manifest.lists.map((list) => list.sha256)];
}
