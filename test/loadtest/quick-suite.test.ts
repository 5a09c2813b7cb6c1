import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BenchRow,
  launchBenchCluster,
  QUICK_SUITE,
  runBenchCommand,
  runSuite,
} from '@vecshard/loadtest';
import { afterAll, expect, it } from 'vitest';

// The benchmark suite and the load-test command against real local clusters
// (redis-server, shard workers and a coordinator as processes on 127.0.0.1),
// started through the suite's own launcher.
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('runs the --quick suite: both FAISS builds, list routing and scatter over the nprobe sweep', {
  timeout: 300_000,
}, async () => {
  const outDir = join(scratch, 'results');
  const result = await runSuite({
    config: QUICK_SUITE,
    outDir,
    cacheDir: join(scratch, 'cache'),
    log: () => {},
  });
  const rows = JSON.parse(readFileSync(join(outDir, 'quick.json'), 'utf8')) as BenchRow[];
  expect(rows).toEqual(result.rows);
  const [run] = QUICK_SUITE.runs;
  // cluster-direct runs only where the client has one-hop search.
  const modes = ['faiss', 'faiss-debian', 'cluster', 'scatter'] as const;
  expect(rows.filter((r) => r.mode !== 'cluster-direct').map((r) => `${r.mode}@${r.nprobe}`)).toEqual(
    modes.flatMap((mode) => run.nprobes.map((nprobe) => `${mode}@${nprobe}`)),
  );
  const at = (mode: (typeof modes)[number], nprobe: number) =>
    rows.find((r) => r.mode === mode && r.nprobe === nprobe)!;
  for (const r of rows) {
    expect(r.errors, `${r.mode}@${r.nprobe}`).toBe(0);
    expect(r.recall_at_10).toBeGreaterThan(0);
    expect(r.batch_qps).toBeGreaterThan(0);
    expect(r.single_p99_ms).toBeGreaterThanOrEqual(r.single_p50_ms);
    expect(r.ingest_vps).toBeGreaterThan(0);
    expect(r.workers).toBe(r.mode.startsWith('faiss') ? 1 : QUICK_SUITE.workers);
    expect(r.cpu_ms_per_query).toBeGreaterThan(0);
    expect(r.rtt_p99_ms).toBeGreaterThanOrEqual(r.rtt_p50_ms);
  }
  // The cluster's CPU is counted in its own processes, not only in the client.
  expect(at('cluster', 16).cpu_ms_per_query_by_role.worker).toBeGreaterThan(0);
  expect(at('cluster', 16).cpu_ms_per_query_by_role.coordinator).toBeGreaterThan(0);
  for (const nprobe of run.nprobes) {
    expect(at('faiss', nprobe).shards_per_query).toBe(1);
    // Scatter asks every shard; list routing asks at most every shard.
    expect(at('scatter', nprobe).shards_per_query).toBe(QUICK_SUITE.workers);
    expect(at('cluster', nprobe).shards_per_query).toBeLessThanOrEqual(QUICK_SUITE.workers);
  }
  // One probed list lives on one shard.
  expect(at('cluster', 1).shards_per_query).toBe(1);
  expect(result.verdicts.map((v) => v.target)).toContain('cluster cpu_ms_per_query ≤ 1.2× FAISS');
  expect(readFileSync(join(outDir, 'quick.md'), 'utf8')).toContain('## Targets');
  expect(readFileSync(join(outDir, 'quick.svg'), 'utf8').startsWith('<svg')).toBe(true);
});

it('load-tests a running cluster in an open loop with upserts mixed in', { timeout: 120_000 }, async () => {
  const cluster = await launchBenchCluster({ workers: 2, threadsPerWorker: 1 });
  try {
    const report = await runBenchCommand({
      address: cluster.address,
      collection: 'open-loop',
      dataset: 'synthetic:count=5000,dim=16,queries=100,clusters=16',
      index: 'IVF32,Flat',
      metric: 'l2',
      routing: 'lists',
      loop: 'open',
      rate: 100,
      concurrency: 1,
      batch: 2,
      k: 10,
      nprobe: 32,
      writeShare: 0.2,
      requests: 150,
      seed: 3,
      progress: false,
      log: () => {},
      cacheDir: join(scratch, 'cache'),
    });
    expect(report.target).toBe('cluster(lists)');
    expect(report.requests.failed).toBe(0);
    expect(report.requests.succeeded + report.requests.unsent).toBe(150);
    expect(report.latencyMs.upsert.count).toBeGreaterThan(0);
    // Every list probed: exact search, and upserts rewrote vectors with their own values (same list,
    // same shard). A worker applies an upsert's remove and add as one change to its searches.
    expect(report.recallAtK).toBe(1);
    expect(report.shardsPerSearch?.mean).toBe(2);
  } finally {
    await cluster.close();
  }
});
