import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable, round } from '../report/markdown-table.js';
import { renderSvg } from '../report/svg-chart.js';
import { fitExponent } from './fit-exponent.js';
import type { SizeRow } from './measure-size.js';

/** A figure whose growth with the data is judged: a time (or a size) grows at most linearly, a rate stays flat. */
interface Tracked {
  field: keyof SizeRow;
  kind: 'time' | 'size' | 'rate' | 'flat';
  label: string;
}

/** Times and sizes: fitted exponent ≤ 1.1. Rates: ≥ −0.1 (the work's time then grows as n^≤1.1). */
export const TIME_EXPONENT_MAX = 1.1;
export const RATE_EXPONENT_MIN = -0.1;

export const TRACKED: readonly Tracked[] = [
  { field: 'ingest_vectors_per_s', kind: 'rate', label: 'ingest rate (vectors/s)' },
  { field: 'scan_mb_per_s', kind: 'rate', label: 'batch QPS × MB scanned per query' },
  { field: 'ingest_s', kind: 'time', label: 'ingest time' },
  { field: 'single_p50_ms', kind: 'time', label: 'single-query p50' },
  { field: 'single_p99_ms', kind: 'time', label: 'single-query p99' },
  { field: 'snapshot_s', kind: 'time', label: 'snapshot time' },
  { field: 'restart_to_serving_s', kind: 'time', label: 'restart to serving' },
  { field: 'refill_s', kind: 'time', label: 'refill of one lost copy' },
  { field: 'workers_rss_mib', kind: 'size', label: 'workers resident memory' },
  { field: 'rss_bytes_per_vector', kind: 'flat', label: 'resident bytes per vector' },
  { field: 'redis_used_mib_after_load', kind: 'size', label: 'Redis used_memory after the load' },
  { field: 'aof_mib_after_load', kind: 'size', label: 'Redis AOF after the load' },
];

export interface Fit {
  field: string;
  label: string;
  kind: Tracked['kind'];
  exponent: number | null;
  /** Value at the largest size ÷ value at the smallest. */
  last_over_first: number | null;
  target: string;
  met: boolean | null;
}

export function fitGrowth(rows: readonly SizeRow[]): Fit[] {
  return TRACKED.map(({ field, kind, label }) => {
    const points = rows
      .filter((r) => typeof r[field] === 'number')
      .map((r) => ({ x: r.vectors, y: r[field] as number }));
    const exponent = fitExponent(points) ?? null;
    const first = points[0]?.y;
    const last = points.at(-1)?.y;
    const target =
      kind === 'rate'
        ? `≥ ${RATE_EXPONENT_MIN}`
        : kind === 'flat'
          ? `≤ ${round(TIME_EXPONENT_MAX - 1, 1)}`
          : `≤ ${TIME_EXPONENT_MAX}`;
    const limit =
      kind === 'rate' ? RATE_EXPONENT_MIN : kind === 'flat' ? TIME_EXPONENT_MAX - 1 : TIME_EXPONENT_MAX;
    return {
      field,
      label,
      kind,
      exponent: exponent === null ? null : round(exponent, 3),
      last_over_first: first && last ? round(last / first, 3) : null,
      target,
      met: exponent === null ? null : kind === 'rate' ? exponent >= limit : exponent <= limit + 1e-9,
    };
  });
}

export interface GrowthData {
  generated: string;
  machine: string;
  settings: Record<string, unknown>;
  sizes: SizeRow[];
  exponents: Fit[];
  notes: string[];
}

const BEGIN = '<!-- growth:data:begin -->';
const END = '<!-- growth:data:end -->';

/**
 * Writes the data-growth run under the `data` key of growth.json and in its own
 * section of growth.md, keeping whatever else those files hold (the
 * cluster-size run writes `workers` into the same JSON); the chart is growth.svg.
 */
export async function writeGrowthReport(data: GrowthData, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'growth.json');
  const existing = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
  writeFileSync(jsonPath, `${JSON.stringify({ ...existing, data }, null, 2)}\n`);

  const section = [BEGIN, growthMarkdown(data), END].join('\n');
  const mdPath = join(dir, 'growth.md');
  const old = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
  let markdown: string;
  if (old.includes(BEGIN) && old.includes(END)) {
    markdown = old.slice(0, old.indexOf(BEGIN)) + section + old.slice(old.indexOf(END) + END.length);
  } else if (old.trim() !== '') {
    markdown = `${old.trimEnd()}\n\n${section}\n`;
  } else {
    markdown = `# Growth\n\n${section}\n`;
  }
  writeFileSync(mdPath, markdown);
  writeFileSync(join(dir, 'growth.svg'), await growthChart(data));
}

function growthMarkdown(data: GrowthData): string {
  const s = data.settings;
  const fits = data.exponents.map((f) => ({
    figure: f.label,
    field: f.field,
    exponent: f.exponent ?? '—',
    'largest ÷ smallest': f.last_over_first ?? '—',
    target: f.target,
    met: f.met === null ? '—' : f.met ? 'yes' : 'no',
  }));
  const main = data.sizes.map((r) => ({
    vectors: r.vectors,
    index: r.index,
    RF: r.replication_factor,
    'train s': r.train_s,
    'ingest s': r.ingest_s,
    'ingest /s': r.ingest_vectors_per_s,
    'batch q/s': r.batch_qps,
    'MB/query': r.mb_scanned_per_query,
    'q/s × MB': r.scan_mb_per_s,
    'p50 ms': r.single_p50_ms,
    'p99 ms': r.single_p99_ms,
    'snapshot s': r.snapshot_s,
    'refill s': r.refill_s ?? '—',
    'restart s': r.restart_to_serving_s,
  }));
  const memory = data.sizes.map((r) => ({
    vectors: r.vectors,
    'workers RSS MiB': r.workers_rss_mib,
    'workers peak MiB': r.workers_peak_mib,
    'B/vector (per copy)': r.rss_bytes_per_vector,
    'raw B/vector': r.raw_bytes_per_vector,
    'RSS ÷ raw': r.rss_over_raw,
    'coordinator MiB': r.coordinator_rss_mib,
    'Redis used MiB after load': r.redis_used_mib_after_load,
    'Redis peak MiB': r.redis_peak_mib,
    'AOF MiB after load': r.aof_mib_after_load,
    'snapshots during load': r.snapshots_during_load ?? '—',
    'Redis used MiB after snapshot': r.redis_used_mib_after_snapshot,
    'AOF MiB after snapshot': r.aof_mib_after_snapshot,
    'store MiB': r.store_mib,
    'load avg start/end': `${r.load_average_start} / ${r.load_average_end}`,
  }));
  return [
    '## Data growth: 2 workers, the synthetic set at growing sizes',
    '',
    `- Generated: ${data.generated}`,
    `- Machine: ${data.machine}`,
    `- Settings: ${Object.entries(s)
      .map(([key, value]) => `${key} ${value}`)
      .join(', ')}`,
    ...data.notes.map((note) => `- ${note}`),
    '',
    '### Exponents fitted on log–log axes (least squares over the sizes)',
    '',
    'Times and sizes should grow no faster than linearly (exponent ≤ 1.1); rates should stay flat ' +
      '(exponent ≥ −0.1, so that the time of the work grows as n^≤1.1); bytes per vector should stay flat (≤ 0.1).',
    '',
    markdownTable(fits),
    '',
    '### Per size',
    '',
    markdownTable(main),
    '',
    '### Memory, Redis and the write log',
    '',
    markdownTable(memory),
    '',
    '![growth](growth.svg)',
  ].join('\n');
}

async function growthChart(data: GrowthData): Promise<string> {
  const first = data.sizes[0]?.vectors ?? 1;
  const values: { vectors: number; figure: string; relative: number; kind: string }[] = [];
  for (const fit of data.exponents) {
    if (fit.kind === 'size' && fit.field !== 'workers_rss_mib') continue;
    const rows = data.sizes.filter((r) => typeof r[fit.field as keyof SizeRow] === 'number');
    const base = rows[0]?.[fit.field as keyof SizeRow] as number | undefined;
    if (!base) continue;
    for (const r of rows)
      values.push({
        vectors: r.vectors,
        figure: `${fit.label} (b = ${fit.exponent})`,
        relative: (r[fit.field as keyof SizeRow] as number) / base,
        kind: fit.kind,
      });
  }
  for (const r of data.sizes) {
    values.push({
      vectors: r.vectors,
      figure: 'linear (b = 1)',
      relative: r.vectors / first,
      kind: 'reference',
    });
    values.push({ vectors: r.vectors, figure: 'flat (b = 0)', relative: 1, kind: 'reference' });
  }
  return renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Growth with the data: each figure ÷ its value at the smallest size (log–log)',
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'vectors', type: 'quantitative', scale: { type: 'log' }, title: 'vectors' },
      y: {
        field: 'relative',
        type: 'quantitative',
        scale: { type: 'log' },
        title: '÷ value at the smallest size',
      },
      color: { field: 'figure', type: 'nominal', title: null },
      strokeDash: { field: 'kind', type: 'nominal', title: 'kind' },
    },
    width: 520,
    height: 360,
  });
}
