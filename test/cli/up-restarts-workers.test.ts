import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { afterAll, expect, it } from 'vitest';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { REPO_ROOT, type StartedProcess, startProcess } from '../helpers/processes.js';
import { upWorkerPid } from '../helpers/up-workers.js';

// `vecshard up` restarts a worker that exits unexpectedly, under the same id,
// as a StatefulSet does; its copies are then refilled and serve again.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-up-restart-'));
let up: StartedProcess | undefined;
let client: VecshardClient | undefined;
afterAll(async () => {
  client?.close();
  await up?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

it('restarts a killed worker under its id; its copies are refilled and serve again', {
  timeout: 120_000,
}, async () => {
  up = await startProcess(
    process.execPath,
    [CLI, 'up', '--workers', '2', '--data-dir', dataDir, '--port', '0'],
    /vecshard ready at (\S+)/,
    { timeoutMs: 60_000 },
  );
  client = new VecshardClient(up.ready, { deadlineMs: 30_000 });
  await client.createCollection({
    name: 'both',
    dim: 8,
    metric: 'l2',
    index: 'IVF8,Flat',
    replicationFactor: 2,
  });
  await client.train('both', clusteredVectors(1000, 8, 1));
  await client.upsert('both', sequentialIds(2000), clusteredVectors(2000, 8, 2));
  const before = (await client.clusterStatus()).workers.find((w) => w.id === 'worker-1')!;

  process.kill(upWorkerPid(up.child.pid!, 'worker-1'), 'SIGKILL');
  while (!/worker-1 restarted at/.test(up.output())) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(up.output()).toMatch(/worker-1 exited unexpectedly \(SIGKILL\); restarting it in \d+ ms/);

  // Back under its id as a new process, holding its copies again once refilled.
  for (;;) {
    const status = await client.clusterStatus();
    const worker = status.workers.find((w) => w.id === 'worker-1');
    const info = status.collections.find((c) => c.name === 'both')!;
    const ready = info.placement.every((s) => s.replicas.every((r) => r.state === 'ready'));
    if (worker?.alive && worker.startedAtMs > before.startedAtMs && ready && worker.vectors > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await client.getCollection('both')).vectors).toBe(2000);
});
