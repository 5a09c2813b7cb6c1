import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitExponent } from '../src/growth/fit-exponent.js';
import { fitGrowth, writeGrowthReport } from '../src/growth/growth-report.js';
import type { SizeRow } from '../src/growth/measure-size.js';
import { tempDir } from './temp-dir.js';

function row(vectors: number, scale: number): SizeRow {
  return {
    vectors,
    index: 'IVF1024,Flat',
    replication_factor: 2,
    train_s: 1,
    ingest_s: vectors / 1000,
    ingest_vectors_per_s: 1000,
    batch_qps: 100 / scale,
    mb_scanned_per_query: scale,
    scan_mb_per_s: 100,
    single_p50_ms: 1,
    single_p99_ms: 2,
    workers_rss_mib: vectors / 2000,
    workers_peak_mib: vectors / 2000,
    rss_bytes_per_vector: 600,
    raw_bytes_per_vector: 512,
    rss_over_raw: 1.17,
    coordinator_rss_mib: 100,
    redis_used_mib_after_load: 10,
    redis_peak_mib: 20,
    aof_mib_after_load: vectors ** 1.5,
    snapshot_s: vectors / 1e5,
    redis_used_mib_after_snapshot: 5,
    aof_mib_after_snapshot: 5,
    store_mib: 5,
    refill_s: null,
    restart_processes_s: 1,
    restart_to_serving_s: 2,
    load_average_start: 1,
    load_average_end: 1,
  };
}

describe('growth exponents', () => {
  it('fits y = a·x^b on log–log axes', () => {
    const points = [1, 3, 10].map((x) => ({ x: x * 1e6, y: 5 * (x * 1e6) ** 0.8 }));
    expect(fitExponent(points)).toBeCloseTo(0.8, 9);
    expect(fitExponent([{ x: 1, y: 2 }])).toBeUndefined();
    expect(
      fitExponent([
        { x: 2, y: 1 },
        { x: 2, y: 3 },
      ]),
    ).toBeUndefined();
  });

  it('judges times against ≤ 1.1 and rates against ≥ −0.1, skipping figures not measured', () => {
    const fits = fitGrowth([row(1e6, 1), row(3e6, 1.5), row(1e7, 2.5)]);
    const byField = new Map(fits.map((f) => [f.field, f]));
    expect(byField.get('ingest_s')).toMatchObject({ exponent: 1, met: true });
    expect(byField.get('ingest_vectors_per_s')).toMatchObject({ exponent: 0, met: true });
    expect(byField.get('aof_mib_after_load')).toMatchObject({ exponent: 1.5, met: false });
    expect(byField.get('refill_s')).toMatchObject({ exponent: null, met: null });
  });

  it('keeps the keys and sections of growth.json and growth.md that it did not write', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'growth.json'), JSON.stringify({ workers: { sizes: [4, 16, 64] } }));
    writeFileSync(join(dir, 'growth.md'), '# Growth\n\n## Cluster-size growth\n\nworkers table\n');
    const rows = [row(1e5, 1), row(3e5, 1.5)];
    const data = {
      generated: 'now',
      machine: 'test',
      settings: { workers: 2 },
      sizes: rows,
      exponents: fitGrowth(rows),
      notes: [],
    };
    await writeGrowthReport(data, dir);
    await writeGrowthReport({ ...data, generated: 'later' }, dir);
    const json = JSON.parse(readFileSync(join(dir, 'growth.json'), 'utf8'));
    expect(json.workers).toEqual({ sizes: [4, 16, 64] });
    expect(json.data.generated).toBe('later');
    const md = readFileSync(join(dir, 'growth.md'), 'utf8');
    expect(md).toContain('workers table');
    expect(md.match(/## Data growth/g)).toHaveLength(1);
    expect(md).toContain('Generated: later');
    expect(readFileSync(join(dir, 'growth.svg'), 'utf8')).toContain('<svg');
  });
});
