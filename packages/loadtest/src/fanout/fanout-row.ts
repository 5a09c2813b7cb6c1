import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * One configuration of `npm run bench:fanout`: what a one-row upsert costs a
 * collection of `shards` shards with `replication_factor` copies each. Kept in
 * `bench/results/latest.json` beside the suite's rows (`suite: "fanout"`).
 */
export interface FanoutRow {
  suite: 'fanout';
  mode: 'cluster';
  dataset: string;
  index: string;
  /** Shard workers of the cluster (every collection uses at most this many). */
  workers: number;
  shards: number;
  replication_factor: number;
  /** Worker calls (AddPreassigned + Delete) per one-row upsert of a new id. */
  worker_calls_per_upsert: number;
  /**
   * Worker calls per one-row upsert of an id already stored, with a new
   * random vector (usually on another shard: the old copy is removed there).
   */
  worker_calls_per_reupsert: number;
  /** Latency of the one-row upserts of new ids, one at a time from one client. */
  upsert_p50_ms: number;
  upsert_p99_ms: number;
  upserts: number;
  machine: string;
  generated_at: string;
}

export function isFanoutRow(row: unknown): row is FanoutRow {
  return typeof row === 'object' && row !== null && (row as { suite?: unknown }).suite === 'fanout';
}

/** The fan-out rows a results file holds (none when it does not exist). */
export function fanoutRowsIn(file: string): FanoutRow[] {
  if (!existsSync(file)) return [];
  const rows: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(rows) ? rows.filter(isFanoutRow) : [];
}

/** Replaces the fan-out rows of a results file (an array of rows) with `rows`, keeping every other row. */
export function replaceFanoutRows(file: string, rows: FanoutRow[]): void {
  const existing: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const kept = Array.isArray(existing) ? existing.filter((row) => !isFanoutRow(row)) : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...rows], null, 2)}\n`);
}

/** The rows as a Markdown table. */
export function fanoutTable(rows: FanoutRow[]): string {
  return [
    '| shards | replication_factor | worker_calls_per_upsert | worker_calls_per_reupsert | upsert p50 ms | upsert p99 ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.shards} | ${r.replication_factor} | ${r.worker_calls_per_upsert.toFixed(3)} | ` +
        `${r.worker_calls_per_reupsert.toFixed(3)} | ${r.upsert_p50_ms.toFixed(2)} | ${r.upsert_p99_ms.toFixed(2)} |`,
    ),
  ].join('\n');
}

/** Extra worker calls per one-row upsert allowed for the id filters' false positives, as a share of RF. */
export const FANOUT_EPSILON = 0.1;

/** Target 1 of issue 25, judged on the rows: a one-row upsert makes at most RF × (1 + ε) worker calls. */
export function fanoutVerdict(rows: FanoutRow[]): { met: boolean; detail: string } {
  // Ties go to the larger cluster: what the target is about.
  const share = (r: FanoutRow) => r.worker_calls_per_upsert / r.replication_factor;
  const worst = rows.reduce<FanoutRow | undefined>(
    (w, r) => (!w || share(r) > share(w) || (share(r) === share(w) && r.shards >= w.shards) ? r : w),
    undefined,
  );
  if (!worst) return { met: false, detail: 'not measured' };
  const ratio = worst.worker_calls_per_upsert / worst.replication_factor;
  return {
    met: ratio <= 1 + FANOUT_EPSILON,
    detail:
      `worst ${worst.worker_calls_per_upsert.toFixed(3)} calls at ${worst.shards} shard${worst.shards === 1 ? '' : 's'}, ` +
      `RF ${worst.replication_factor} ` +
      `(${ratio.toFixed(3)} × RF; bar ${(1 + FANOUT_EPSILON).toFixed(1)} × RF)`,
  };
}

/** The report section on upsert fan-out (for latest.md), from `npm run bench:fanout`'s rows. */
export function fanoutSection(rows: FanoutRow[]): string {
  const verdict = fanoutVerdict(rows);
  return [
    FANOUT_HEADING,
    '',
    `From \`npm run bench:fanout\` (${rows[0]?.generated_at ?? 'n/a'}; ${rows[0]?.machine ?? ''}): one-row upserts ` +
      `into a ${rows[0]?.dataset ?? ''} collection, ${rows[0]?.index ?? ''}, on ${rows[0]?.workers ?? '?'} workers ` +
      'with 1 FAISS thread each; calls counted from the coordinator’s metrics (`bench/results/fanout.md`).',
    '',
    fanoutTable(rows),
    '',
    `Target: a one-row upsert makes at most RF × (1 + ${FANOUT_EPSILON}) worker calls at any shard count: ` +
      `${verdict.met ? 'met' : '**missed**'} (${verdict.detail}).`,
    '',
  ].join('\n');
}

const FANOUT_HEADING = '## Upsert fan-out';

/** A report's Markdown with its upsert fan-out section replaced by `section` (appended when it has none). */
export function withFanoutSection(markdown: string, section: string): string {
  const start = markdown.indexOf(`\n${FANOUT_HEADING}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + 1);
  const rest = next < 0 ? '' : markdown.slice(next + 1);
  return `${markdown.slice(0, start + 1)}${section}${rest ? `\n${rest}` : ''}`;
}
