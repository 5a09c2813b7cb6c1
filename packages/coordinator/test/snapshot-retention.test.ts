import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@vecshard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isSnapshotId,
  newSnapshotId,
  snapshotIdOf,
  snapshotLayout,
} from '../src/snapshots/snapshot-layout.js';
import type { SnapshotManifest } from '../src/snapshots/snapshot-manifest.js';
import { applyRetention } from '../src/snapshots/snapshot-retention.js';
import { StoredSnapshots } from '../src/snapshots/stored-snapshots.js';

const C = 'docs';
let root: string;
let store: FileStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vecshard-retention-'));
  store = new FileStore(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

function manifest(id: string, blobs: string[]): SnapshotManifest {
  return {
    format: 'vecshard-snapshot/1',
    id,
    collection: C,
    createdAtMs: 0,
    faissVersion: 'test',
    config: {
      name: C,
      dim: 4,
      metric: 'l2',
      index: 'IVF4,Flat',
      nprobe: 1,
      shards: 0,
      routing: 'lists',
      nlist: 4,
      createdAtMs: 0,
    },
    template: { sha256: 'template', bytes: 1 },
    placement: [],
    lists: blobs.map((sha256, list) => ({ shard: 0, list, vectors: 1, bytes: 1, sha256 })),
    vectors: blobs.length,
    bytes: blobs.length,
    logPosition: '0-0',
  };
}

/** Writes a blob file and dates it `ageMs` back. */
async function blob(sha: string, ageMs: number): Promise<void> {
  const key = snapshotLayout.blob(C, sha);
  await store.put(key, Buffer.from(sha));
  const when = new Date(Date.now() - ageMs);
  await utimes(join(root, key), when, when);
}

describe('snapshot ids', () => {
  it('sort by time and are recognised in manifest keys', () => {
    const earlier = newSnapshotId(new Date('2026-01-01T00:00:00.000Z'));
    const later = newSnapshotId(new Date('2026-01-01T00:00:00.001Z'));
    expect([later, earlier].sort()).toEqual([earlier, later]);
    expect(isSnapshotId(earlier)).toBe(true);
    expect(isSnapshotId('../etc')).toBe(false);
    expect(snapshotIdOf(snapshotLayout.manifest(C, earlier))).toBe(earlier);
    expect(snapshotIdOf(snapshotLayout.blob(C, 'abc'))).toBeUndefined();
  });
});

describe('retention', () => {
  it('keeps the newest snapshots and the blobs they use, and old blobs nobody uses go', async () => {
    const snapshots = new StoredSnapshots(store);
    const ids = ['20260101T000000000Z-a', '20260102T000000000Z-b', '20260103T000000000Z-c'];
    await snapshots.commit(manifest(ids[0], ['only-oldest', 'shared']));
    await snapshots.commit(manifest(ids[1], ['shared', 'middle']));
    await snapshots.commit(manifest(ids[2], ['shared', 'newest']));
    const hour = 3600_000;
    for (const sha of ['template', 'only-oldest', 'shared', 'middle', 'newest', 'crashed-old'])
      await blob(sha, 2 * hour);
    await blob('being-written', 1000);

    const result = await applyRetention(snapshots, C, 2, hour);

    expect(result).toEqual({ deletedSnapshots: 1, deletedBlobs: 2 });
    expect(await snapshots.ids(C)).toEqual(ids.slice(1));
    const left = (await store.list(snapshotLayout.blobs(C))).map((o) => o.key.split('/').pop()).sort();
    // A young unreferenced blob may belong to a snapshot another coordinator is writing.
    expect(left).toEqual(['being-written', 'middle', 'newest', 'shared', 'template']);
  });
});
