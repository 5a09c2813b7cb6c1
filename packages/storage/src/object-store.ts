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

/** A get of a key the store does not hold: unlike network or server errors, retrying will not help. */
export class ObjectNotFoundError extends Error {
  constructor(
    readonly key: string,
    location: string,
  ) {
    super(`${key} does not exist in ${location}`);
  }
}

export function emptyCounts(): StoreRequestCounts {
  return { put: 0, get: 0, head: 0, list: 0, delete: 0 };
}

/**
 * Refuses keys that would escape the store's root, are empty, or that a folder
 * and a bucket would tell apart ('a//b', 'a/./b' name one file but two S3 keys).
 */
export function checkKey(key: string): void {
  if (!key || key.split('/').some(isBadSegment)) {
    throw new Error(`object key "${key}" is not a relative path`);
  }
}

/** A listing prefix is '' or a key, possibly cut short or ending in '/'. */
export function checkPrefix(prefix: string): void {
  if (prefix === '') return;
  if (prefix.replace(/\/$/, '').split('/').some(isBadSegment)) {
    throw new Error(`listing prefix "${prefix}" is not a relative path`);
  }
}

function isBadSegment(part: string): boolean {
  return part === '' || part === '.' || part === '..';
}

/**
 * Orders listings by UTF-16 code units, the same for every store and locale
 * (ASCII keys then sort as S3 lists them).
 */
export function byKey(a: StoredObject, b: StoredObject): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
