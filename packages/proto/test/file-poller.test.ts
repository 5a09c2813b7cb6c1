import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { FilePoller } from '../src/file-poller.js';

const pollers: FilePoller[] = [];
afterEach(() => {
  for (const poller of pollers.splice(0)) poller.close();
});

function watched(onChange: () => void) {
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-poller-'));
  const file = join(dir, 'tls.crt');
  writeFileSync(file, 'first');
  const poller = new FilePoller([file], 10, onChange);
  pollers.push(poller);
  return { dir, file };
}

describe('file poller', () => {
  it('sees a file replaced right after it started watching', async () => {
    let changed!: () => void;
    const change = new Promise<void>((resolve) => {
      changed = resolve;
    });
    const { file } = watched(() => changed());
    // Replaced in the same turn as the poller was made: the baseline must already be taken.
    writeFileSync(`${file}.new`, 'second');
    renameSync(`${file}.new`, file);
    await change;
  });

  it('notices a file replaced by one of the same size (a new inode), as a Secret update swaps files', async () => {
    let changed!: () => void;
    const change = new Promise<void>((resolve) => {
      changed = resolve;
    });
    const { file } = watched(() => changed());
    writeFileSync(`${file}.new`, 'fresh');
    renameSync(`${file}.new`, file);
    await change;
  });
});
