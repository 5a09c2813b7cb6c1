import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { findFashionMnist } from '@vecshard/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { REPO_ROOT } from '../helpers/processes.js';

// `vecshard import` as a script or CI runs it: stdout is a pipe, so it prints
// plain progress lines rather than a bar, and failures exit non-zero with the
// gRPC status in the message.
const FASHION = join(findFashionMnist() ?? '/usr/share/datasets/fashion-mnist', 'train-images-idx3-ubyte.gz');
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');

let cluster: TestCluster;
beforeAll(async () => {
  // Jobs read local files only under the import root: Fashion-MNIST's folder here.
  cluster = await startCluster({ workers: 1, coordinatorArgs: ['--import-root', dirname(FASHION)] });
});
afterAll(async () => {
  await cluster?.stop();
});

/** Runs the CLI (in `cwd`); resolves with its exit code and output (stdout is a pipe, not a terminal). */
function runCli(
  args: string[],
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, '--address', cluster.coordinator.address], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('vecshard import', () => {
  it('follows the job with progress lines when stdout is not a terminal', async () => {
    await cluster.client.createCollection({ name: 'from-cli', dim: 784, metric: 'l2', index: 'IVF16,Flat' });
    const run = await runCli(['import', 'from-cli', FASHION, '--limit', '5000', '--batch-size', '1000']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // No bar: no carriage returns or escape sequences, one line per update.
    expect(run.stdout.includes('\r') || run.stdout.includes('\u001b[')).toBe(false);
    expect(run.stdout).toMatch(/job \S+: import of "from-cli" queued/);
    expect(run.stdout).toMatch(/job \S+: running [\d.]+% \(\d+\/5000 vectors\)/);
    expect(run.stdout).toMatch(/job \S+: completed \{.*"vectors":5000/);
    expect((await cluster.client.getCollection('from-cli')).vectors).toBe(5000);

    const id = /job (\S+): completed/.exec(run.stdout)?.[1] ?? '';
    const shown = await runCli(['job', id]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, state: 'completed', done: 5000, total: 5000 });
  });

  it('exits non-zero with the gRPC status on bad input', async () => {
    const unknown = await runCli(['import', 'no-such', FASHION]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/NOT_FOUND: collection "no-such" does not exist/);

    // A relative path is taken from the current directory (here the repository, outside the import root).
    const relative = await runCli(['import', 'from-cli', 'train.fvecs']);
    expect(relative.code).not.toBe(0);
    expect(relative.stderr).toContain(`PERMISSION_DENIED: "${join(REPO_ROOT, 'train.fvecs')}" is outside`);
    expect(relative.stderr).toContain('--import-root');

    // This coordinator has no object store.
    const snapshot = await runCli(['snapshot', 'from-cli']);
    expect(snapshot.code).not.toBe(0);
    expect(snapshot.stderr).toMatch(/FAILED_PRECONDITION: .*no object store/);
  });

  it('exits non-zero naming the file when the job fails', async () => {
    const nowhere = join(dirname(FASHION), 'nowhere', 'base.fvecs');
    const missing = await runCli(['import', 'from-cli', nowhere]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(`${nowhere} does not exist`);
  });

  it('imports a file of the current directory named by a relative path', async () => {
    await cluster.client.createCollection({ name: 'from-here', dim: 784, metric: 'l2', index: 'IVF16,Flat' });
    const run = await runCli(['import', 'from-here', basename(FASHION), '--limit', '1000'], dirname(FASHION));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await cluster.client.getCollection('from-here')).vectors).toBe(1000);
  });
});
