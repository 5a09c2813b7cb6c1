import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../src/suite/bench-row.js';
import { runSuite } from '../src/suite/run-suite.js';
import { QUICK_SUITE, type SuiteConfig } from '../src/suite/suite-config.js';
import { suiteMarkdown } from '../src/suite/suite-report.js';
import { judgeTargets } from '../src/suite/suite-targets.js';
import { tempDir } from './temp-dir.js';

/** The quick suite's shape on far less data, in-process FAISS only. */
const TINY: SuiteConfig = {
  ...QUICK_SUITE,
  label: 'tiny',
  resultsFile: 'tiny',
  runs: [
    {
      dataset: { kind: 'synthetic', count: 3000, queries: 50, dim: 16, clusters: 8, noise: 0.5, seed: 1 },
      index: 'IVF16,Flat',
      nprobes: [1, 4],
      modes: ['faiss'],
      trainCount: 1000,
    },
  ],
  batchSeconds: 0.05,
  batchMaxRepeats: 3,
  singleQueries: 20,
  singleWarmUp: 5,
  singleWarmUpAfterLoad: 5,
  roundTrips: 50,
};

const REQUIRED_FIELDS: Record<string, 'string' | 'number'> = {
  mode: 'string',
  dataset: 'string',
  index: 'string',
  workers: 'number',
  nprobe: 'number',
  recall_at_10: 'number',
  batch_qps: 'number',
  single_p50_ms: 'number',
  single_p99_ms: 'number',
  ingest_vps: 'number',
  shards_per_query: 'number',
  cpu_ms_per_query: 'number',
  rtt_p50_ms: 'number',
  rtt_p99_ms: 'number',
  faiss_build: 'string',
  scan_gb_per_s: 'number',
};

describe('benchmark suite against the in-process target', () => {
  it('writes JSON rows with the required fields, a Markdown report and an SVG chart', async () => {
    const outDir = tempDir();
    const lines: string[] = [];
    const result = await runSuite({ config: TINY, outDir, cacheDir: tempDir(), log: (l) => lines.push(l) });
    expect(result.rows.map((r) => [r.mode, r.nprobe])).toEqual([
      ['faiss', 1],
      ['faiss', 4],
    ]);
    const written = JSON.parse(readFileSync(result.files.json, 'utf8')) as Record<string, unknown>[];
    expect(written).toHaveLength(2);
    for (const row of written) {
      for (const [field, type] of Object.entries(REQUIRED_FIELDS))
        expect(typeof row[field], field).toBe(type);
      expect(row).toMatchObject({
        mode: 'faiss',
        index: 'IVF16,Flat',
        workers: 1,
        dataset: 'synthetic-n3000-d16-c8-s1',
      });
      // The bare round trip is a real call to another process: never free, p99 at least p50.
      expect(row.rtt_p50_ms as number).toBeGreaterThan(0);
      expect(row.rtt_p99_ms as number).toBeGreaterThanOrEqual(row.rtt_p50_ms as number);
      expect(row.cpu_ms_per_query as number).toBeGreaterThan(0);
      expect(row.scanned_bytes_per_query as number).toBeGreaterThan(0);
      expect(row.machine).toMatchObject({
        cores: expect.any(Number),
        node: process.version,
        faiss: expect.any(String),
      });
    }
    expect(result.files.json.endsWith('tiny.json')).toBe(true);
    expect(readFileSync(result.files.markdown, 'utf8')).toMatch(/\| faiss \| \w+ \| 4 \|/);
    expect(readFileSync(result.files.svg, 'utf8').startsWith('<svg')).toBe(true);
    expect(lines.some((l) => l.includes('results:'))).toBe(true);
  });
});

function row(mode: BenchRow['mode'], nprobe: number, values: Partial<BenchRow>): BenchRow {
  return {
    suite: 'test',
    mode,
    dataset: 'd',
    index: 'IVF4,Flat',
    workers: mode === 'faiss' ? 1 : 2,
    nprobe,
    k: 10,
    queries: 10,
    recall_at_10: 0.9,
    batch_qps: 1000,
    single_p50_ms: 1,
    single_p90_ms: 1,
    single_p99_ms: 2,
    single_p999_ms: 3,
    ingest_vps: 10_000,
    train_seconds: 1,
    shards_per_query: mode === 'scatter' ? 2 : 1,
    errors: 0,
    cpu_ms_per_query: 0.1,
    cpu_ms_per_query_by_role: { client: 0.1 },
    rtt_p50_ms: 0.1,
    rtt_p99_ms: 0.3,
    faiss_build: 'generic',
    memory_read_gb_per_s: null,
    machine: { cpuModel: 'cpu', cores: 2, memoryGiB: 4, platform: 'linux-x64', node: 'v20', faiss: '1.7.3' },
    generated_at: '2026-01-01T00:00:00Z',
    ...values,
  };
}

/** Every target met: FAISS 1.67× the generic build, the cluster inside every bar. */
function healthyRun(): BenchRow[] {
  return [
    row('faiss', 4, {}),
    row('faiss', 16, {}),
    row('faiss-debian', 16, { batch_qps: 600 }),
    // p50 bar 1 + 2×0.1 + 0.2 = 1.4 ms; p99 bar 2 + 2×0.3 = 2.6 ms
    ...[4, 16].map((nprobe) =>
      row('cluster', nprobe, {
        batch_qps: 950,
        single_p50_ms: 1.35,
        single_p99_ms: 2.5,
        ingest_vps: 9000,
        cpu_ms_per_query: 0.11,
        shards_per_query: 1.5,
      }),
    ),
    // bar 1 + 0.1 + 0.2 = 1.3 ms
    ...[4, 16].map((nprobe) => row('cluster-direct', nprobe, { single_p50_ms: 1.25 })),
    row('scatter', 4, {}),
    row('scatter', 16, {}),
  ];
}

describe('targets', () => {
  it('are all met when the cluster keeps inside every bar', () => {
    const verdicts = judgeTargets(healthyRun());
    expect(verdicts.map((v) => [v.target, v.met])).toEqual([
      ['`faiss` batch QPS ≥ 1.5× `faiss-debian` at nprobe 16', true],
      ['cluster batch QPS ≥ 0.9× FAISS at every nprobe (identical recall)', true],
      ['cluster single p50 ≤ FAISS p50 + 2×rtt_p50 + 0.2 ms', true],
      ['cluster single p99 ≤ FAISS p99 + 2×rtt_p99', true],
      ['cluster-direct single p50 ≤ FAISS p50 + 1×rtt_p50 + 0.2 ms', true],
      ['cluster ingest ≥ 0.8× FAISS add rate (2 requests in flight)', true],
      ['dataset does not saturate: FAISS recall@10 at nprobe 4 ≤ 0.95', true],
      ['cluster cpu_ms_per_query ≤ 1.2× FAISS', true],
      ['list routing touches fewer shards per query than scatter', true],
    ]);
  });

  it('are missed, with the margin at the worst nprobe, when a bar is crossed', () => {
    const rows = healthyRun().map((r) => {
      if (r.nprobe !== 16) return r;
      if (r.mode === 'faiss-debian') return { ...r, batch_qps: 800 };
      if (r.mode === 'cluster')
        return {
          ...r,
          batch_qps: 500,
          single_p50_ms: 2,
          single_p99_ms: 3,
          ingest_vps: 5000,
          cpu_ms_per_query: 0.15,
        };
      if (r.mode === 'cluster-direct') return { ...r, single_p50_ms: 1.5 };
      return r;
    });
    const verdicts = judgeTargets(rows);
    expect(verdicts.filter((v) => !v.met).map((v) => v.target)).toEqual([
      '`faiss` batch QPS ≥ 1.5× `faiss-debian` at nprobe 16',
      'cluster batch QPS ≥ 0.9× FAISS at every nprobe (identical recall)',
      'cluster single p50 ≤ FAISS p50 + 2×rtt_p50 + 0.2 ms',
      'cluster single p99 ≤ FAISS p99 + 2×rtt_p99',
      'cluster-direct single p50 ≤ FAISS p50 + 1×rtt_p50 + 0.2 ms',
      'cluster ingest ≥ 0.8× FAISS add rate (2 requests in flight)',
      'cluster cpu_ms_per_query ≤ 1.2× FAISS',
    ]);
    const detail = (prefix: string) => verdicts.find((v) => v.target.startsWith(prefix))!.detail;
    expect(detail('`faiss`')).toContain('1.25×');
    expect(detail('cluster batch')).toContain('0.50× at nprobe 16');
    expect(detail('cluster single p50')).toContain('2.000 ms vs bar 1.400 ms (-0.600 ms of headroom)');
    expect(detail('cluster single p99')).toContain('3.000 ms vs bar 2.600 ms');
    expect(detail('cluster-direct')).toContain('1.500 ms vs bar 1.300 ms');
    expect(detail('cluster ingest')).toContain('0.50×');
    expect(detail('cluster cpu')).toContain('1.50× at nprobe 16');
  });

  it('do not count a throughput win bought with lower recall', () => {
    const [qps] = judgeTargets([
      row('faiss', 4, {}),
      row('cluster', 4, { batch_qps: 2000, recall_at_10: 0.8 }),
    ]);
    expect(qps.met).toBe(false);
    expect(qps.detail).toContain('recall differs');
  });

  it('call a dataset saturated when FAISS reaches more than 0.95 at nprobe 4, per dataset', () => {
    const verdicts = judgeTargets([
      row('faiss', 4, { dataset: 'easy', recall_at_10: 0.97 }),
      row('faiss', 4, { dataset: 'hard', recall_at_10: 0.9 }),
    ]);
    expect(verdicts.map((v) => [v.dataset, v.met])).toEqual([
      ['easy', false],
      ['hard', true],
    ]);
  });

  it('appear in the Markdown report, one table per dataset', () => {
    const rows = [
      ...healthyRun().map((r) => (r.mode === 'cluster' ? { ...r, batch_qps: 500 } : r)),
      row('faiss', 4, { dataset: 'fmnist' }),
    ];
    const markdown = suiteMarkdown(TINY, rows, 'tiny.svg');
    expect(markdown).toContain(
      '| d | cluster batch QPS ≥ 0.9× FAISS at every nprobe (identical recall) | **missed** |',
    );
    expect(markdown).toContain('| d | cluster single p50 ≤ FAISS p50 + 2×rtt_p50 + 0.2 ms | met |');
    expect(markdown).toContain('| cluster | generic | 4 | 0.9000 | 500 | 0.50× |');
    expect(markdown).toContain('## d: IVF4,Flat');
    expect(markdown).toContain('## fmnist: IVF4,Flat');
    expect(markdown).toContain('Machine: cpu, 2 cores');
    expect(markdown).toContain('p50 0.100 ms, p99 0.300 ms');
    expect(markdown).toContain('Scale-out projection');
    expect(markdown).toContain('synthetic 3000 × 16, 8 Gaussian components, noise 0.5, seed 1');
  });
});
