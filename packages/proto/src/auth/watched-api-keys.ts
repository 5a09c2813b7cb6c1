import { FilePoller } from '../file-poller.js';
import { loadApiKeys } from './api-key-file.js';
import type { ApiKeyRing } from './api-key-ring.js';

/**
 * The API key file, read at start and again when it changes, so keys can be
 * added or revoked (a rotated Kubernetes Secret) without a restart. A file
 * that no longer parses is refused and the keys before it kept.
 */
export class WatchedApiKeys {
  private ring: ApiKeyRing;
  private readonly poller: FilePoller;

  constructor(
    private readonly path: string,
    private readonly options: {
      pollMs?: number;
      onReload?: (keys: number) => void;
      onError?: (error: Error) => void;
    } = {},
  ) {
    // The baseline is taken before the file is read, so a change in between is seen at the next poll.
    this.poller = new FilePoller([path], options.pollMs ?? 5000, () => this.reload());
    try {
      this.ring = loadApiKeys(path);
    } catch (error) {
      this.poller.close();
      throw error;
    }
  }

  /** The keys in force now. */
  current(): ApiKeyRing {
    return this.ring;
  }

  close(): void {
    this.poller.close();
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
