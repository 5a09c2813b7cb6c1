import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  byKey,
  checkKey,
  checkPrefix,
  emptyCounts,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
} from './object-store.js';

/** An object store in a local folder: the embedded default. Writes go to a temp file, then rename. */
export class FileStore implements ObjectStore {
  readonly requests = emptyCounts();

  constructor(readonly root: string) {}

  get location(): string {
    return `file://${this.root}`;
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    this.requests.put++;
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.partial`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(temp, body);
      else await pipeline(body, createWriteStream(temp));
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    this.requests.get++;
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ObjectNotFoundError(key, this.location);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    this.requests.head++;
    const path = this.path(key);
    try {
      const info = await stat(path);
      // A folder is only where keys share a prefix, not an object (as in S3).
      return info.isFile() ? { key, size: info.size, lastModifiedMs: info.mtimeMs } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    this.requests.list++;
    checkPrefix(prefix);
    const found: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (!entry.name.endsWith('.partial')) {
          const key = relative(this.root, path).split(sep).join('/');
          if (key.startsWith(prefix)) {
            const info = await stat(path);
            found.push({ key, size: info.size, lastModifiedMs: info.mtimeMs });
          }
        }
      }
    };
    await walk(join(this.root, dirname(`${prefix}x`)));
    return found.sort(byKey);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.requests.delete++;
      await rm(this.path(key), { force: true });
    }
  }

  private path(key: string): string {
    checkKey(key);
    return join(this.root, ...key.split('/'));
  }
}
