import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { type RunningShardWorker, startShardWorker } from '@vecshard/shard-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/processes.js';

// `vecshard health` is what the compose file's health checks run inside the image.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');

function health(address: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'health', '--address', address, '--timeout-ms', '2000'],
      (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

let worker: RunningShardWorker;
beforeAll(async () => {
  worker = await startShardWorker({ port: 0 });
});
afterAll(async () => {
  await worker?.close();
});

describe('vecshard health', () => {
  it('exits 0 for a serving process', async () => {
    const result = await health(worker.address);
    expect(result).toEqual({ code: 0, stdout: `${worker.address}: SERVING\n` });
  });

  it('exits 1 when nothing answers', async () => {
    const address = worker.address;
    await worker.close();
    const result = await health(address);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/unreachable/);
  });
});
