import { notFound, type SnapshotInfo } from '@vecshard/proto';
import type { ObjectStore } from '@vecshard/storage';
import { isSnapshotId, snapshotIdOf, snapshotLayout } from './snapshot-layout.js';
import { parseManifest, type SnapshotManifest } from './snapshot-manifest.js';

/** The snapshots of collections in an object store, read through their manifests. */
export class StoredSnapshots {
  constructor(readonly store: ObjectStore) {}

  /** Ids of a collection's committed snapshots, oldest first. */
  async ids(collection: string): Promise<string[]> {
    const objects = await this.store.list(snapshotLayout.manifests(collection));
    return objects
      .map((object) => snapshotIdOf(object.key))
      .filter((id): id is string => id !== undefined)
      .sort();
  }

  /** A snapshot's manifest by id, or the newest when `id` is empty; NOT_FOUND when there is none. */
  async read(collection: string, id: string): Promise<SnapshotManifest> {
    if (id && !isSnapshotId(id)) throw notFound(`snapshot "${id}" of "${collection}" does not exist`);
    const chosen = id || (await this.ids(collection)).at(-1);
    if (!chosen) {
      throw notFound(`collection "${collection}" has no snapshot in ${this.store.location}`);
    }
    const key = snapshotLayout.manifest(collection, chosen);
    if (!(await this.store.head(key))) {
      throw notFound(`snapshot "${chosen}" of "${collection}" does not exist in ${this.store.location}`);
    }
    return parseManifest((await this.store.get(key)).toString('utf8'), key);
  }

  /** The newest snapshot, or undefined when the collection has none. */
  async latest(collection: string): Promise<SnapshotManifest | undefined> {
    const id = (await this.ids(collection)).at(-1);
    return id ? this.read(collection, id) : undefined;
  }

  /** Commits a snapshot: until its manifest is written, it does not exist. */
  async commit(manifest: SnapshotManifest): Promise<void> {
    const key = snapshotLayout.manifest(manifest.collection, manifest.id);
    await this.store.put(key, Buffer.from(JSON.stringify(manifest, null, 2)));
  }

  /** Summaries of a collection's snapshots, newest first. */
  async list(collection: string): Promise<SnapshotInfo[]> {
    const ids = (await this.ids(collection)).reverse();
    const manifests = await Promise.all(ids.map((id) => this.read(collection, id)));
    return manifests.map((manifest) => ({
      id: manifest.id,
      collection: manifest.collection,
      createdAtMs: String(manifest.createdAtMs),
      vectors: String(manifest.vectors),
      bytes: String(manifest.bytes),
    }));
  }
}
