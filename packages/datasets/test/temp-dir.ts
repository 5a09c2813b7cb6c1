import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder, removed after the test that asked for it. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-datasets-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
