import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportRoots } from '../src/jobs/import-roots.js';

// The coordinator reads a local file for a job only under an import root,
// judged on the real path: ".." and symbolic links lead nowhere else.
const top = realpathSync(mkdtempSync(join(tmpdir(), 'vecshard-import-roots-')));
const root = join(top, 'root');
const outside = join(top, 'outside');
mkdirSync(join(root, 'sub'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(root, 'sub', 'base.fvecs'), '');
writeFileSync(join(outside, 'secret.fvecs'), '');
symlinkSync(join(outside, 'secret.fvecs'), join(root, 'file-link.fvecs'));
symlinkSync(outside, join(root, 'dir-link'));
symlinkSync(join(root, 'sub'), join(root, 'inner-link'));
symlinkSync(join(outside, 'not-yet.fvecs'), join(root, 'dangling.fvecs'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

const roots = ImportRoots.of({ importRoots: [root] });

async function refusal(resolving: Promise<string>): Promise<{ code: number; message: string }> {
  const error = await resolving.then(
    () => undefined,
    (e) => e,
  );
  expect(error, 'expected a refusal').toBeDefined();
  return error;
}

describe('ImportRoots', () => {
  it('resolves files under a root, through links that stay inside, to their real path', async () => {
    expect(await roots.resolve(join(root, 'sub', 'base.fvecs'))).toBe(join(root, 'sub', 'base.fvecs'));
    expect(await roots.resolve(join(root, 'inner-link', 'base.fvecs'))).toBe(join(root, 'sub', 'base.fvecs'));
    expect(await roots.resolve(join(root, 'sub', '..', 'sub', 'base.fvecs'))).toBe(
      join(root, 'sub', 'base.fvecs'),
    );
    // Missing files are for the job to report; where they would be is still checked.
    expect(await roots.resolve(join(root, 'missing', 'x.fvecs'))).toBe(join(root, 'missing', 'x.fvecs'));
  });

  it('refuses "..", links leading out and missing files behind them with PERMISSION_DENIED naming the path and the option', async () => {
    for (const path of [
      join(root, '..', 'outside', 'secret.fvecs'),
      join(root, 'sub', '..', '..', 'outside', 'secret.fvecs'),
      join(root, 'file-link.fvecs'),
      join(root, 'dir-link', 'secret.fvecs'),
      join(root, 'dir-link', 'missing.fvecs'),
      join(root, 'missing', '..', '..', 'outside', 'secret.fvecs'),
      '/etc/passwd',
    ]) {
      const error = await refusal(roots.resolve(path));
      expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
      expect(error.message).toContain(`"${path}" is outside the import root (${root})`);
      expect(error.message).toContain('--import-root');
    }
  });

  it('judges a dangling link by where it leads', async () => {
    const path = join(root, 'dangling.fvecs');
    // realpath fails on it: it is judged as the link itself, inside, and the job finds no file.
    expect(await roots.resolve(path)).toBe(path);
    // Once its target exists, it leads out and is refused (the job checks again before reading).
    writeFileSync(join(outside, 'not-yet.fvecs'), '');
    expect((await refusal(roots.resolve(path))).code).toBe(grpc.status.PERMISSION_DENIED);
  });

  it('defaults to the data dir, and with neither reads no local file at all', async () => {
    const byDataDir = ImportRoots.of({ dataDir: root });
    expect(await byDataDir.resolve(join(root, 'sub', 'base.fvecs'))).toBe(join(root, 'sub', 'base.fvecs'));
    expect((await refusal(byDataDir.resolve(join(outside, 'secret.fvecs')))).message).toMatch(
      /--import-root \(by default its --data-dir\)/,
    );
    const none = ImportRoots.of({});
    const error = await refusal(none.resolve(join(root, 'sub', 'base.fvecs')));
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(error.message).toMatch(/reads none: start it with --import-root DIR/);
  });
});
