import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBenchCommand } from '@vecshard/loadtest';
import { afterAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';

// A load test is most needed when the cluster misbehaves: a worker killed in
// the middle of a timed run must not stall it; the run ends when its duration
// is up, counts the failures by gRPC status and still writes its report.
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-killed-'));
let cluster: TestCluster | undefined;
afterAll(async () => {
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

it('a run during which a worker dies ends on time, counts errors by code and writes its report', async () => {
  cluster = await startCluster({ workers: 2 });
  const out = join(scratch, 'report');
  const DURATION_S = 4;
  // One second into the measured run (it starts once the data is loaded), kill a worker.
  let killing: Promise<unknown> | undefined;
  const killLater = () => {
    killing = new Promise((resolve) => setTimeout(resolve, 1000)).then(() =>
      cluster!.workers[1].process.stop('SIGKILL'),
    );
  };
  const report = await runBenchCommand({
    address: cluster.coordinator.address,
    collection: 'killed',
    dataset: 'synthetic:count=5000,dim=16,queries=100,clusters=16',
    index: 'IVF16,Flat',
    metric: 'l2',
    loop: 'closed',
    concurrency: 2,
    batch: 1,
    k: 10,
    nprobe: 16,
    duration: DURATION_S,
    progress: false,
    log: (line) => {
      if (line.startsWith('loaded')) killLater();
    },
    out,
    cacheDir: join(scratch, 'cache'),
  });
  await killing;
  // Loading and training come first; the measured part is bounded by its duration.
  expect(report.elapsedSeconds).toBeLessThan(DURATION_S + 5);
  expect(report.requests.succeeded).toBeGreaterThan(0);
  expect(report.requests.failed).toBeGreaterThan(0);
  expect(report.errors.UNAVAILABLE?.count).toBeGreaterThan(0);
  expect(report.errors.UNAVAILABLE?.example).toMatch(/w1/);
  for (const file of ['loadtest.json', 'loadtest.md', 'loadtest.svg'])
    expect(existsSync(join(out, file))).toBe(true);
  const written = JSON.parse(readFileSync(join(out, 'loadtest.json'), 'utf8'));
  expect(written.errors.UNAVAILABLE.count).toBe(report.errors.UNAVAILABLE?.count);
});
