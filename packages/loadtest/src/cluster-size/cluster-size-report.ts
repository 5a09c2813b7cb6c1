import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, machineLine } from '../report/machine.js';
import { markdownTable, round } from '../report/markdown-table.js';
import { renderSvg } from '../report/svg-chart.js';
import {
  type ClusterSizeRow,
  FITTED,
  FLAT_EXPONENT,
  type GrowthRule,
  MAX_EXPONENT,
} from './cluster-size-row.js';
import { linearFit, logLogExponent } from './growth-fit.js';

export const BEGIN = '<!-- workers:begin -->';
export const END = '<!-- workers:end -->';
const SVG = 'growth-workers.svg';

export interface FittedExponent {
  what: string;
  rule: GrowthRule;
  /** value ≈ a · workers^exponent over the runs. */
  exponent: number | null;
  /** The same fit of value ÷ workers (flat-per-worker measures). */
  per_worker_exponent?: number | null;
  /** value ≈ fixed + per_worker · workers (flat-per-worker measures): what one more worker adds. */
  linear?: { fixed: number; per_worker: number } | null;
  target: string;
  met: boolean | null;
}

/** The exponent of each fitted measure against the worker count, and whether it meets its rule. */
export function fitExponents(rows: ClusterSizeRow[]): Record<string, FittedExponent> {
  const out: Record<string, FittedExponent> = {};
  for (const { measure, rule, what } of FITTED) {
    const points = rows.map((r) => ({ x: r.workers, y: Number(r[measure] ?? 0) }));
    const exponent = logLogExponent(points);
    const fitted: FittedExponent = {
      what,
      rule,
      exponent: exponent === undefined ? null : round(exponent, 3),
      target:
        rule === 'at-most-linear'
          ? `≤ ${MAX_EXPONENT}`
          : rule === 'flat'
            ? `≤ ${FLAT_EXPONENT} (flat)`
            : `≤ ${MAX_EXPONENT} (per worker ≤ ${FLAT_EXPONENT}: flat)`,
      met: exponent === undefined ? null : exponent <= (rule === 'flat' ? FLAT_EXPONENT : MAX_EXPONENT),
    };
    if (rule === 'flat-per-worker') {
      const perWorker = logLogExponent(points.map((p) => ({ x: p.x, y: p.y / p.x })));
      fitted.per_worker_exponent = perWorker === undefined ? null : round(perWorker, 3);
      const linear = linearFit(points);
      fitted.linear = linear ? { fixed: round(linear.fixed, 3), per_worker: round(linear.perUnit, 3) } : null;
    }
    out[measure] = fitted;
  }
  return out;
}

/**
 * Writes the run under `workers` in growth.json (read again just before the
 * write, other keys kept: the data-size growth run writes the same file), its
 * section between markers in growth.md (the rest kept) and growth-workers.svg.
 */
export async function writeClusterSizeReport(
  rows: ClusterSizeRow[],
  setup: Record<string, unknown>,
  dir: string,
  note?: string,
  /** A stored run being rendered again: its time and machine are kept. */
  stored?: { generated_at: string; machine: string },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const exponents = fitExponents(rows);
  const exact = rows.every(
    (r) =>
      r.exact_fraction === 1 &&
      r.exact_fraction_batched === 1 &&
      r.exact_after_rebalance === 1 &&
      r.inexact_queries_during_refill === 0,
  );
  const machine = stored?.machine ?? machineLine(describeMachine());
  const section = {
    generated_at: stored?.generated_at ?? new Date().toISOString(),
    machine,
    ...(note ? { note } : {}),
    command: 'npm run bench:cluster-size',
    setup,
    rows,
    exponents,
    all_exact: exact,
    met: exact && Object.values(exponents).every((e) => e.met !== false),
  };
  const svg = await renderSvg(chartSpec(rows));
  writeFileSync(join(dir, SVG), svg);
  mergeJson(join(dir, 'growth.json'), 'workers', section);
  mergeMarkdown(join(dir, 'growth.md'), markdownSection(section, rows, exponents));
}

function mergeJson(file: string, key: string, value: unknown): void {
  const current: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  current[key] = value;
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(current, null, 2)}\n`);
  renameSync(partial, file);
}

/** Replaces the text between the markers, or appends it (with the markers) when they are not there yet. */
export function replaceSection(document: string, body: string): string {
  const block = `${BEGIN}\n${body.trim()}\n${END}`;
  const from = document.indexOf(BEGIN);
  const to = document.indexOf(END);
  if (from >= 0 && to > from) return document.slice(0, from) + block + document.slice(to + END.length);
  return `${document.trimEnd()}${document.trim() ? '\n\n' : ''}${block}\n`;
}

function mergeMarkdown(file: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Growth\n';
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, replaceSection(current, body));
  renameSync(partial, file);
}

function markdownSection(
  section: { generated_at: string; machine: string; note?: string; setup: Record<string, unknown> },
  rows: ClusterSizeRow[],
  exponents: Record<string, FittedExponent>,
): string {
  const s = section.setup;
  const table = markdownTable(
    rows.map((r) => ({
      workers: r.workers,
      load: r.load_average,
      'coord idle CPU ms/s': r.coordinator_idle_cpu_ms_per_s,
      'per worker': r.coordinator_idle_cpu_ms_per_s_per_worker,
      'Redis cmds/s idle': r.redis_idle_commands_per_s,
      'per worker ': r.redis_idle_commands_per_s_per_worker,
      'Redis CPU ms/s idle': r.redis_idle_cpu_ms_per_s,
      'worker idle CPU ms/s': r.worker_idle_cpu_ms_per_s,
      'wake-ups/s coord / worker': `${r.coordinator_idle_wakeups_per_s} / ${r.worker_idle_wakeups_per_s}`,
      'coord CPU ms/query': r.coordinator_cpu_ms_per_query,
      batched: r.coordinator_cpu_ms_per_query_batched,
      'shards/query': r.shards_per_query,
      exact: `${r.exact_fraction} / ${r.exact_fraction_batched} / ${r.exact_after_rebalance}`,
      'rebalance s': r.rebalance_s,
      'lists moved': r.rebalance_lists_moved,
      'refill s': r.refill_s,
      'recover job s': r.refill_job_s ?? '–',
      'failed / inexact during refill': `${r.failed_searches_during_refill} / ${r.inexact_queries_during_refill}`,
    })),
  );
  const fits = markdownTable(
    Object.entries(exponents).map(([measure, e]) => ({
      measure: `${e.what} (\`${measure}\`)`,
      exponent: e.exponent ?? '–',
      'per-worker exponent': e.per_worker_exponent ?? '–',
      'fixed + per worker': e.linear ? `${e.linear.fixed} + ${e.linear.per_worker} × N` : '–',
      target: e.target,
      met: e.met === null ? '–' : e.met ? 'met' : '**missed**',
    })),
  );
  const largest = rows.at(-1);
  const breakdown = largest
    ? Object.entries(largest.redis_idle_commands_by_command)
        .map(([command, rate]) => `${command} ${rate}`)
        .join(', ')
    : '';
  return [
    '## Cluster size: 4 → 64 workers (`workers`)',
    '',
    `- Generated: ${section.generated_at} by \`npm run bench:cluster-size\``,
    `- Machine: ${section.machine}`,
    ...(section.note ? [`- Note: ${section.note}`] : []),
    `- One cluster per worker count, every worker its own process with ${s.threads_per_worker} FAISS thread, ` +
      `coordinator and Redis as \`vecshard up\` starts them, all on this machine. One collection: ` +
      `${s.vectors} × ${s.dim} synthetic, ${s.index}, nprobe ${s.nprobe}, k ${s.k}, ` +
      `${s.replication_factor} copies of every shard, one shard per worker, ${s.placement} placement.`,
    `- Idle: ${s.idle_s} s with the collection loaded and nothing asked. CPU from /proc/<pid>/stat ` +
      '(user + system, every thread); Redis commands from INFO stats/commandstats deltas (the bench’s own INFO ' +
      'calls taken off); Redis CPU from INFO cpu. Wake-ups: voluntary context switches of every thread ' +
      '(/proc/<pid>/task/<tid>/status), a count that CPU contention from other work does not inflate.',
    `- Queries: ${s.single_queries} one-query searches through the coordinator (${s.single_concurrency} at a time), ` +
      `then ${s.batch_queries} in requests of ${s.batch_size}; CPU per query is the coordinator’s CPU in the phase, ` +
      'less its idle rate times the phase’s length, ÷ queries (cluster: coordinator and workers alike). ' +
      'exact: the share of queries whose top-k equals one FAISS IVF index built from the collection’s ' +
      'own trained template (same quantizer) holding every vector, searched with the same nprobe (ties by distance); ' +
      'singles / batched / after the Rebalance.',
    '- load: the machine’s 1-minute load average at the end of that cluster’s run (other work shares the cores).',
    '- Rebalance: one more worker process starts and registers; a Rebalance job (queued to done) gives it a new ' +
      'shard with 2 copies and moves lists to it until the shards are within 5 % of the mean.',
    `- Refill: one worker (of N + 1) is killed with kill -9 and left dead; refill s runs from the kill until every ` +
      `shard has 2 ready copies on live workers (it includes the 3 s heartbeat TTL and --replica-grace-s ` +
      `${s.replica_grace_s}, which are constants); recover job s is the job alone. Searches run all along.`,
    '- Exponents: least-squares slope of log(value) on log(workers) over the runs. Flat per worker: the ' +
      `total’s exponent ≤ ${MAX_EXPONENT} (the per-worker value’s ≤ ${FLAT_EXPONENT}).`,
    '',
    table,
    '',
    fits,
    '',
    `Redis calls per second by command while idle at ${largest?.workers} workers: ${breakdown}.`,
    '',
    `![cluster-size growth, log-log, relative to ${rows[0]?.workers} workers](${SVG})`,
  ].join('\n');
}

function chartSpec(rows: ClusterSizeRow[]) {
  const first = rows[0];
  const panels = [
    { panel: 'idle', title: 'Idle control plane (whole cluster; one worker for its own CPU)' },
    { panel: 'work', title: 'Per query, and per joining or lost worker' },
  ] as const;
  const values = rows.flatMap((r) =>
    panels.flatMap(({ panel }) => [
      ...FITTED.filter(
        (f) => f.panel === panel && Number(first[f.measure]) > 0 && Number(r[f.measure]) > 0,
      ).map((f) => ({
        panel,
        workers: r.workers,
        measure: f.measure,
        relative: Number(r[f.measure]) / Number(first[f.measure]),
      })),
      {
        panel,
        workers: r.workers,
        measure: 'linear in workers (slope 1)',
        relative: r.workers / first.workers,
      },
    ]),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json' as const,
    title: `Cluster size: each measure ÷ its value at ${first.workers} workers (log-log)`,
    data: { values },
    vconcat: panels.map(({ panel, title }) => ({
      title,
      transform: [{ filter: `datum.panel === '${panel}'` }],
      mark: { type: 'line' as const, point: true },
      encoding: {
        x: {
          field: 'workers',
          type: 'quantitative' as const,
          scale: { type: 'log' as const, domain: [first.workers, rows.at(-1)!.workers], nice: false },
          axis: { values: rows.map((r) => r.workers) },
          title: 'workers',
        },
        y: {
          field: 'relative',
          type: 'quantitative' as const,
          scale: { type: 'log' as const },
          title: `÷ value at ${first.workers} workers`,
        },
        color: {
          field: 'measure',
          type: 'nominal' as const,
          title: null,
          scale: { scheme: 'tableau20' },
          legend: { labelLimit: 400 },
        },
        strokeDash: {
          condition: { test: "datum.measure === 'linear in workers (slope 1)'", value: [6, 4] },
          value: [1, 0],
        },
      },
      width: 420,
      height: 220,
    })),
    resolve: { scale: { color: 'independent' as const } },
  };
}
