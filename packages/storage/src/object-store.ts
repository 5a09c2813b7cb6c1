import type { Readable } from 'node:stream';

/** One stored object as a listing reports it. */
export interface StoredObject {
  key: string;
  size: number;
  lastModifiedMs: number;
}

/** Requests made, by kind, so callers (and tests) can see what an operation cost. */
export interface StoreRequestCounts {
  put: number;
  get: number;
  head: number;
  list: number;
  delete: number;
}

/**
 * Where snapshots live: keys are '/'-separated paths relative to the store's
 * root (a folder, or a bucket and prefix). Writes are whole-object and atomic:
 * a reader sees the old object or the new one, never half of one.
 */
export interface ObjectStore {
  /** Human-readable location, for messages. */
  readonly location: string;
  readonly requests: StoreRequestCounts;
  put(key: string, body: Buffer | Readable): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Metadata of an object, or undefined when it does not exist. */
  head(key: string): Promise<StoredObject | undefined>;
  list(prefix: string): Promise<StoredObject[]>;
  delete(keys: string[]): Promise<void>;
}

export function emptyCounts(): StoreRequestCounts {
  return { put: 0, get: 0, head: 0, list: 0, delete: 0 };
}

/** Refuses keys that would escape the store's root or are empty. */
export function checkKey(key: string): void {
  if (!key || key.startsWith('/') || key.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`object key "${key}" is not a relative path`);
  }
}
