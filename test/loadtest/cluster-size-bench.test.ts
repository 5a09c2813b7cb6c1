import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { BEGIN, END, replaceSection } from '../../packages/loadtest/src/cluster-size/cluster-size-report.js';
import type { ClusterSizeRow } from '../../packages/loadtest/src/cluster-size/cluster-size-row.js';
import { linearFit, logLogExponent } from '../../packages/loadtest/src/cluster-size/growth-fit.js';
import { REPO_ROOT } from '../helpers/processes.js';

// The cluster-size bench (issue 25, target 6) end to end at 2 and 3 workers:
// it writes its rows under `workers` in growth.json and its section of
// growth.md, keeping what the data-size run wrote there; every answer is
// exact and no search fails while a killed worker's copies are refilled.
// Checks shapes and counts, never timings.
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-cluster-size-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('fits exponents on log-log axes and fixed + per-unit lines', () => {
  expect(logLogExponent([1, 4, 16].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 9);
  expect(logLogExponent([1, 4, 16].map((x) => ({ x, y: 7 })))).toBeCloseTo(0, 9);
  expect(logLogExponent([4, 16, 64].map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 9);
  expect(logLogExponent([{ x: 4, y: 1 }])).toBeUndefined();
  const line = linearFit([4, 16, 64].map((x) => ({ x, y: 9 + 5 * x })));
  expect(line?.fixed).toBeCloseTo(9, 9);
  expect(line?.perUnit).toBeCloseTo(5, 9);
});

it('replaces its own section of growth.md and keeps the rest', () => {
  const other = '<!-- growth:data:begin -->\ndata rows\n<!-- growth:data:end -->';
  const first = replaceSection(`# Growth\n\n${other}\n`, 'workers one');
  expect(first).toBe(`# Growth\n\n${other}\n\n${BEGIN}\nworkers one\n${END}\n`);
  const second = replaceSection(first, 'workers two');
  expect(second).toBe(`# Growth\n\n${other}\n\n${BEGIN}\nworkers two\n${END}\n`);
  expect(replaceSection('', 'alone')).toBe(`${BEGIN}\nalone\n${END}\n`);
});

it('runs the cluster-size bench at 2 and 3 workers, exact throughout, other results kept', {
  timeout: 300_000,
}, async () => {
  const out = join(scratch, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'growth.json'), `${JSON.stringify({ data: { sizes: ['kept'] } })}\n`);
  writeFileSync(
    join(out, 'growth.md'),
    '# Growth\n\n<!-- growth:data:begin -->\ndata\n<!-- growth:data:end -->\n',
  );
  const args = ['--workers', '2,3', '--n', '4000', '--nlist', '32', '--nprobe', '4', '--idle-s', '2'];
  args.push('--settle-s', '1', '--singles', '100', '--batch', '50', '--batches', '2', '--grace-s', '2');
  await promisify(execFile)(
    process.execPath,
    [join(REPO_ROOT, 'packages/loadtest/dist/cluster-size-bench.js'), ...args, '--out', out],
    { cwd: scratch, maxBuffer: 64 * 1024 * 1024 },
  );
  const growth = JSON.parse(readFileSync(join(out, 'growth.json'), 'utf8'));
  expect(growth.data).toEqual({ sizes: ['kept'] });
  const rows = growth.workers.rows as ClusterSizeRow[];
  expect(rows.map((r) => r.workers)).toEqual([2, 3]);
  for (const r of rows) {
    expect(r.shards, `${r.workers}`).toBe(r.workers);
    expect(r.copies).toBe(2 * r.workers);
    expect(r.exact_fraction).toBe(1);
    expect(r.exact_fraction_batched).toBe(1);
    expect(r.exact_after_rebalance).toBe(1);
    expect(r.shards_after_join).toBe(r.workers + 1);
    expect(r.joined_worker_lists).toBeGreaterThan(0);
    expect(r.copies_lost).toBeGreaterThan(0);
    expect(r.failed_searches_during_refill).toBe(0);
    expect(r.inexact_queries_during_refill).toBe(0);
    expect(r.shards_per_query).toBeCloseTo(r.shards_per_query_expected, 6);
    // Every worker's heartbeat: a transaction of 5 commands a second.
    expect(r.redis_idle_commands_by_command.exec).toBeGreaterThan(0);
  }
  expect(Object.keys(growth.workers.exponents)).toContain('redis_idle_commands_per_s');
  expect(growth.workers.all_exact).toBe(true);
  const markdown = readFileSync(join(out, 'growth.md'), 'utf8');
  expect(markdown).toContain('<!-- growth:data:begin -->\ndata\n<!-- growth:data:end -->');
  expect(markdown.split(BEGIN)).toHaveLength(2);
  expect(markdown).toContain('| 3 |');
  expect(existsSync(join(out, 'growth-workers.svg'))).toBe(true);
});
