import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../src/suite/bench-row.js';
import { runSuite } from '../src/suite/run-suite.js';
import { QUICK_SUITE, type SuiteConfig } from '../src/suite/suite-config.js';
import { judgeTargets, suiteMarkdown } from '../src/suite/suite-report.js';
import { tempDir } from './temp-dir.js';

/** The quick suite's shape on far less data, in-process FAISS only. */
const TINY: SuiteConfig = {
  ...QUICK_SUITE,
  label: 'tiny',
  resultsFile: 'tiny',
  dataset: { kind: 'synthetic', count: 3000, queries: 50, dim: 16, clusters: 8, noise: 0.5, seed: 1 },
  index: 'IVF16,Flat',
  nprobes: [1, 4],
  modes: ['faiss'],
  trainCount: 1000,
  batchSeconds: 0.05,
  batchMaxRepeats: 3,
  singleQueries: 20,
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
      expect(row.machine).toMatchObject({
        cores: expect.any(Number),
        node: process.version,
        faiss: expect.any(String),
      });
    }
    expect(result.files.json.endsWith('tiny.json')).toBe(true);
    expect(readFileSync(result.files.markdown, 'utf8')).toContain('| faiss | 4 |');
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
    machine: { cpuModel: 'cpu', cores: 2, memoryGiB: 4, platform: 'linux-x64', node: 'v20', faiss: '1.7.3' },
    generated_at: '2026-01-01T00:00:00Z',
    ...values,
  };
}

describe('targets', () => {
  it('are met when the cluster keeps up with FAISS and list routing asks fewer shards', () => {
    const verdicts = judgeTargets([
      row('faiss', 4, {}),
      row('cluster', 4, { batch_qps: 950, single_p50_ms: 1.4, ingest_vps: 9000, shards_per_query: 1.5 }),
      row('scatter', 4, {}),
    ]);
    expect(verdicts.map((v) => v.met)).toEqual([true, true, true, true]);
  });

  it('are missed, with the margin, when the cluster falls short', () => {
    const verdicts = judgeTargets([
      row('faiss', 4, {}),
      row('faiss', 16, {}),
      row('cluster', 4, { batch_qps: 950 }),
      row('cluster', 16, { batch_qps: 500, single_p50_ms: 2, ingest_vps: 5000, shards_per_query: 2 }),
      row('scatter', 4, {}),
      row('scatter', 16, {}),
    ]);
    const [qps, p50, ingest, shards] = verdicts;
    expect(qps).toMatchObject({ met: false, detail: expect.stringContaining('0.50× at nprobe 16') });
    expect(p50).toMatchObject({ met: false, detail: expect.stringContaining('+1.000 ms at nprobe 16') });
    expect(ingest).toMatchObject({ met: false, detail: expect.stringContaining('0.50×') });
    expect(shards.met).toBe(true);
  });

  it('do not count a throughput win bought with lower recall', () => {
    const [qps] = judgeTargets([
      row('faiss', 4, {}),
      row('cluster', 4, { batch_qps: 2000, recall_at_10: 0.8 }),
    ]);
    expect(qps.met).toBe(false);
    expect(qps.detail).toContain('recall differs');
  });

  it('appear in the Markdown report as met or missed', () => {
    const rows = [row('faiss', 4, {}), row('cluster', 4, { batch_qps: 500 }), row('scatter', 4, {})];
    const markdown = suiteMarkdown(TINY, rows, 'tiny.svg');
    expect(markdown).toContain('| cluster batch QPS ≥ 0.9× FAISS at identical recall | **missed** |');
    expect(markdown).toContain('| single-query p50 ≤ FAISS + 0.5 ms | met |');
    expect(markdown).toContain('| cluster | 4 | 0.9000 | 500 | 0.50× |');
    expect(markdown).toContain('Machine: cpu, 2 cores');
  });
});
