import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  type FanoutRow,
  fanoutRowsIn,
  fanoutSection,
  fanoutVerdict,
  replaceFanoutRows,
  withFanoutSection,
} from '../src/fanout/fanout-row.js';
import { tempDir } from './temp-dir.js';

const row = (shards: number, rf: number, calls: number): FanoutRow => ({
  suite: 'fanout',
  mode: 'cluster',
  dataset: 'synthetic-n20000-d64',
  index: 'IVF64,Flat',
  workers: 8,
  shards,
  replication_factor: rf,
  worker_calls_per_upsert: calls,
  worker_calls_per_reupsert: 2 * calls,
  upsert_p50_ms: 1,
  upsert_p99_ms: 2,
  upserts: 400,
  machine: 'test',
  generated_at: '2025-01-01T00:00:00.000Z',
});

it('replaces the fan-out rows of latest.json and keeps the suite rows', () => {
  const file = join(tempDir(), 'latest.json');
  writeFileSync(file, JSON.stringify([{ suite: 'full', mode: 'faiss' }, row(2, 1, 2)]));
  replaceFanoutRows(file, [row(2, 1, 1), row(8, 2, 2)]);
  const rows = JSON.parse(readFileSync(file, 'utf8'));
  expect(rows).toHaveLength(3);
  expect(rows[0]).toEqual({ suite: 'full', mode: 'faiss' });
  expect(fanoutRowsIn(file).map((r) => [r.shards, r.replication_factor, r.worker_calls_per_upsert])).toEqual([
    [2, 1, 1],
    [8, 2, 2],
  ]);
});

it('judges calls per upsert against RF × (1 + ε)', () => {
  expect(fanoutVerdict([row(2, 1, 1), row(8, 2, 2.1)]).met).toBe(true);
  const missed = fanoutVerdict([row(2, 1, 1), row(8, 2, 16)]);
  expect(missed.met).toBe(false);
  expect(missed.detail).toContain('8 shards, RF 2');
});

it('puts the section into a report once, replacing an older one', () => {
  const report = '# Bench\n\n## Dataset\n\ntext\n\n## Targets\n\n| a |\n';
  const once = withFanoutSection(report, fanoutSection([row(2, 1, 1)]));
  expect(once.match(/## Upsert fan-out/g)).toHaveLength(1);
  const twice = withFanoutSection(once, fanoutSection([row(8, 1, 1.5)]));
  expect(twice.match(/## Upsert fan-out/g)).toHaveLength(1);
  expect(twice).toContain('| 8 | 1 | 1.500 |');
  expect(twice).not.toContain('| 2 | 1 | 1.000 |');
  expect(twice.startsWith(report.trimEnd())).toBe(true);
  // A section in the middle keeps what follows it.
  const middle = withFanoutSection('# B\n\n## Upsert fan-out\n\nold\n\n## Targets\n\nkept\n', 'NEW\n');
  expect(middle).toBe('# B\n\nNEW\n\n## Targets\n\nkept\n');
});
