import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles.js';

/** One key as the ring holds it: never the key itself, only its sha256. */
export interface ApiKeyEntry {
  name: string;
  role: Role;
  sha256: Buffer;
}

/** The caller a key belongs to. */
export interface KeyHolder {
  name: string;
  role: Role;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The keys a server (coordinator or worker) accepts. A presented key is hashed and compared with
 * every entry in constant time, so neither the comparison nor which entry
 * matched shows in the time an answer takes.
 */
export class ApiKeyRing {
  constructor(private readonly entries: readonly ApiKeyEntry[]) {}

  get size(): number {
    return this.entries.length;
  }

  /** The holder of `key`, or undefined for an unknown key. */
  identify(key: string): KeyHolder | undefined {
    const digest = sha256(key);
    let found: ApiKeyEntry | undefined;
    for (const entry of this.entries) {
      // No early exit: every entry is compared whatever matched before.
      if (timingSafeEqual(digest, entry.sha256) && !found) found = entry;
    }
    return found && { name: found.name, role: found.role };
  }
}
