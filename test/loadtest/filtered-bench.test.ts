import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FilteredRow, runFilteredBench, SELECTIVITIES, TINY_FILTERED } from '@vecshard/loadtest';
import { afterAll, expect, it } from 'vitest';

// The filtered benchmark end to end on a tiny synthetic set, against a real
// local cluster started by the benchmark. Checks the report's shape and the
// guarantees (exact at ≤ 1 %, no id outside the filter), never timings.
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-filtered-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('runs the filtered bench: every filter in every mode, exact at 1 % and 0.1 %', {
  timeout: 120_000,
}, async () => {
  const outDir = join(scratch, 'results');
  const result = await runFilteredBench({ config: TINY_FILTERED, outDir, log: () => {} });
  const rows = JSON.parse(readFileSync(join(outDir, 'filtered-tiny.json'), 'utf8')) as FilteredRow[];
  expect(rows).toEqual(result.rows);

  const filters = [...new Set(rows.map((r) => r.filter))];
  expect(filters.slice(0, 5)).toEqual([
    'unfiltered',
    'price < 500',
    'price < 100',
    'price < 10',
    'price < 1',
  ]);
  expect(filters).toHaveLength(6); // and the tag filter
  expect(filters[5]).toMatch(/^tags in \['t\d+'\]$/);
  for (const filter of filters) {
    const modes = rows.filter((r) => r.filter === filter).map((r) => r.mode);
    expect(modes).toEqual(
      filter === 'unfiltered'
        ? ['faiss-ivf', 'cluster']
        : ['faiss-ivf', 'faiss-exact', 'cluster', 'cluster-direct'],
    );
  }

  for (const r of rows) {
    expect(r.filter_violations, `${r.filter} ${r.mode}`).toBe(0);
    expect(r.batch_qps).toBeGreaterThan(0);
    // The id selector at the same nprobe finds few of a rare filter's neighbours; the others find most.
    if (r.mode !== 'faiss-ivf') expect(r.recall_at_10).toBeGreaterThan(0.5);
    expect(r.cpu_ms_per_query).toBeGreaterThan(0);
    if (r.mode === 'cluster') {
      expect(r.cluster_count).toBe(r.matches);
      expect(r.filter_eval_ms).toBeGreaterThan(0);
    }
  }
  // The price grid hits each selectivity exactly.
  const rowsOfCount =
    TINY_FILTERED.runs[0].dataset.kind === 'synthetic' ? TINY_FILTERED.runs[0].dataset.count : 0;
  for (const share of SELECTIVITIES) {
    const row = rows.find((r) => r.filter_kind === 'range' && r.target_selectivity === share)!;
    expect(row.matches).toBe(Math.round(share * rowsOfCount));
  }
  // Exactness is a guarantee at ≤ 1 %: the coordinator searches the matches exactly.
  for (const filter of ['price < 10', 'price < 1']) {
    for (const mode of ['faiss-exact', 'cluster', 'cluster-direct'] as const) {
      const row = rows.find((r) => r.filter === filter && r.mode === mode)!;
      expect(row.recall_at_10, `${filter} ${mode}`).toBe(1);
    }
    // Every shard searches a selective filter's matches alone: one hop.
    expect(rows.find((r) => r.filter === filter && r.mode === 'cluster-direct')!.search_path).toBe('direct');
    expect(rows.find((r) => r.filter === filter && r.mode === 'cluster')!.expected_plan).toBe('exact');
  }

  expect(result.verdicts.map((v) => v.target)).toEqual([
    'cluster recall@10 ≥ 0.95 at every filter',
    'cluster exact (recall@10 = 1) at selectivity ≤ 1 %',
    'cluster filtered batch QPS ≥ 0.9× the better FAISS mode (the faster one reaching its recall)',
    'cluster-direct filtered batch QPS ≥ 0.9× the better FAISS mode (the faster one reaching its recall)',
    'at selectivity ≤ 1 %, filtered cluster QPS ≥ unfiltered cluster QPS (same nprobe)',
  ]);
  expect(result.verdicts.find((v) => v.target.startsWith('cluster exact'))!.met).toBe(true);
  const markdown = readFileSync(join(outDir, 'filtered-tiny.md'), 'utf8');
  expect(markdown).toContain('## Targets');
  expect(markdown).toContain('| `price < 1` | 0.10 % | 20 | exact |');
  expect(markdown).toMatch(/\| `price < 1` \|.*\(direct\)/);
  expect(readFileSync(join(outDir, 'filtered-tiny.svg'), 'utf8').startsWith('<svg')).toBe(true);
});
