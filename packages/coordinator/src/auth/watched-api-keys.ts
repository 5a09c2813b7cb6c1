import { unwatchFile, watchFile } from 'node:fs';
import { loadApiKeys } from './api-key-file.js';
import type { ApiKeyRing } from './api-key-ring.js';

/**
 * The API key file, read at start and again when it changes, so keys can be
 * added or revoked (a rotated Kubernetes Secret) without a restart. A file
 * that no longer parses is refused and the keys before it kept.
 */
export class WatchedApiKeys {
  private ring: ApiKeyRing;
  private readonly onChange = () => this.reload();

  constructor(
    private readonly path: string,
    private readonly options: {
      pollMs?: number;
      onReload?: (keys: number) => void;
      onError?: (error: Error) => void;
    } = {},
  ) {
    this.ring = loadApiKeys(path);
    // Not persistent: watching alone must not keep a stopped coordinator alive.
    watchFile(path, { interval: options.pollMs ?? 5000, persistent: false }, this.onChange);
  }

  /** The keys in force now. */
  current(): ApiKeyRing {
    return this.ring;
  }

  close(): void {
    unwatchFile(this.path, this.onChange);
  }

  private reload(): void {
    try {
      this.ring = loadApiKeys(this.path);
    } catch (error) {
      this.options.onError?.(error as Error);
      return;
    }
    this.options.onReload?.(this.ring.size);
  }
}
