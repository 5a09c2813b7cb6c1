import { ObjectNotFoundError, type ObjectStore, sha256 } from '@vecshard/storage';
import { snapshotLayout } from './snapshot-layout.js';
import type { BlobRef } from './snapshot-manifest.js';

/** A blob whose content does not match its manifest: restoring it would serve wrong data. */
export class CorruptBlobError extends Error {
  readonly permanent = true;
}

/**
 * Reads a blob and checks it against the sha256 the manifest recorded,
 * failing with a message that names the object and what it belongs to.
 */
export async function readVerifiedBlob(
  store: ObjectStore,
  collection: string,
  ref: BlobRef,
  what: string,
): Promise<Buffer> {
  const key = snapshotLayout.blob(collection, ref.sha256);
  let blob: Buffer;
  try {
    blob = await store.get(key);
  } catch (error) {
    // A missing object stays missing; other failures (network, server) may pass and are retried.
    if (error instanceof ObjectNotFoundError) {
      throw new CorruptBlobError(`${what} is missing: ${key} is not in ${store.location}`);
    }
    throw error;
  }
  const actual = sha256(blob);
  if (actual !== ref.sha256) {
    throw new CorruptBlobError(
      `${what} is corrupt: ${key} in ${store.location} has sha256 ${actual} and ${blob.byteLength} bytes, ` +
        `the manifest says ${ref.sha256} and ${ref.bytes} bytes`,
    );
  }
  return blob;
}

/** Checks that every blob exists with its recorded size before a restore changes anything. */
export async function checkBlobsPresent(
  store: ObjectStore,
  collection: string,
  refs: BlobRef[],
): Promise<void> {
  const objects = await store.list(snapshotLayout.blobs(collection));
  const sizes = new Map(objects.map((object) => [object.key, object.size]));
  for (const ref of refs) {
    const key = snapshotLayout.blob(collection, ref.sha256);
    const size = sizes.get(key);
    if (size === undefined) throw new CorruptBlobError(`${key} is missing from ${store.location}`);
    if (size !== ref.bytes) {
      throw new CorruptBlobError(
        `${key} in ${store.location} has ${size} bytes, the manifest says ${ref.bytes}`,
      );
    }
  }
}
