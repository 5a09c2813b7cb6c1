import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * One dataset and replication factor of `npm run bench:import`: a bulk
 * `Import` job from a file against FAISS `add` of the same file. Kept in
 * `bench/results/latest.json` beside the suite's rows (`suite: "import"`).
 */
export interface ImportRow {
  suite: 'import';
  mode: 'cluster';
  dataset: string;
  index: string;
  vectors: number;
  dim: number;
  workers: number;
  shards: number;
  replication_factor: number;
  /** Vectors/s of one in-process FAISS index adding the file's vectors (training excluded). */
  faiss_add_vps: number;
  /** Vectors/s of the Import job, from queued to completed (its closing snapshot included, training excluded). */
  import_vps: number;
  /** import_vps ÷ faiss_add_vps. */
  import_x_faiss: number;
  /** Seconds until every row was stored on the shards, and the whole job (with its snapshot). */
  import_store_seconds: number;
  import_seconds: number;
  /** Online upserts (10 000-row batches, 2 in flight) against FAISS add, where measured. */
  upsert_vps?: number;
  upsert_x_faiss?: number;
  machine: string;
  generated_at: string;
}

export function isImportRow(row: unknown): row is ImportRow {
  return typeof row === 'object' && row !== null && (row as { suite?: unknown }).suite === 'import';
}

/** The import rows a results file holds (none when it does not exist). */
export function importRowsIn(file: string): ImportRow[] {
  if (!existsSync(file)) return [];
  const rows: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(rows) ? rows.filter(isImportRow) : [];
}

/** Replaces the import rows of a results file (an array of rows) with `rows`, keeping every other row. */
export function replaceImportRows(file: string, rows: ImportRow[]): void {
  const existing: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const kept = Array.isArray(existing) ? existing.filter((row) => !isImportRow(row)) : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...rows], null, 2)}\n`);
}

/** The bar of issue 25's target 2: bulk import ≥ 0.8× FAISS add; online upserts ≥ 0.5× at d = 784. */
export const IMPORT_BAR = 0.8;
export const UPSERT_BAR = 0.5;

export function importTable(rows: ImportRow[]): string {
  return [
    '| dataset | vectors × d | index | RF | FAISS add vec/s | import vec/s | import_x_faiss | stored in s | job s (with snapshot) | online upsert vec/s | × FAISS |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.dataset} | ${r.vectors} × ${r.dim} | ${r.index} | ${r.replication_factor} | ${r.faiss_add_vps.toFixed(0)} | ` +
        `${r.import_vps.toFixed(0)} | ${r.import_x_faiss.toFixed(2)}× | ${r.import_store_seconds.toFixed(2)} | ` +
        `${r.import_seconds.toFixed(2)} | ${r.upsert_vps === undefined ? '–' : r.upsert_vps.toFixed(0)} | ` +
        `${r.upsert_x_faiss === undefined ? '–' : `${r.upsert_x_faiss.toFixed(2)}×`} |`,
    ),
  ].join('\n');
}

export function importVerdicts(rows: ImportRow[]): { target: string; met: boolean; detail: string }[] {
  const verdicts = [];
  const worst = rows.reduce<ImportRow | undefined>(
    (w, r) => (!w || r.import_x_faiss < w.import_x_faiss ? r : w),
    undefined,
  );
  if (worst) {
    verdicts.push({
      target: `bulk import ≥ ${IMPORT_BAR}× FAISS add (every dataset, RF 1 and 2)`,
      met: worst.import_x_faiss >= IMPORT_BAR,
      detail: `worst ${worst.import_x_faiss.toFixed(2)}× (${worst.dataset}, RF ${worst.replication_factor})`,
    });
  }
  const upserts = rows.filter((r) => r.upsert_x_faiss !== undefined && r.dim >= 784);
  if (upserts.length > 0) {
    const low = Math.min(...upserts.map((r) => r.upsert_x_faiss!));
    verdicts.push({
      target: `online upserts ≥ ${UPSERT_BAR}× FAISS add at d = 784`,
      met: low >= UPSERT_BAR,
      detail: `${low.toFixed(2)}×`,
    });
  }
  return verdicts;
}

const IMPORT_HEADING = '## Bulk import';

/** The report section on bulk import (for latest.md), from `npm run bench:import`'s rows. */
export function importSection(rows: ImportRow[]): string {
  return [
    IMPORT_HEADING,
    '',
    `From \`npm run bench:import\` (${rows[0]?.generated_at ?? 'n/a'}; ${rows[0]?.machine ?? ''}; ` +
      '`bench/results/import.md`): an `Import` job from a file on the coordinator, timed from queued to completed ' +
      '(rows written straight to the shards, the closing snapshot included; training excluded), against one ' +
      'in-process FAISS index adding the same file.',
    '',
    importTable(rows),
    '',
    ...importVerdicts(rows).map((v) => `- ${v.target}: ${v.met ? 'met' : '**missed**'} (${v.detail})`),
    '',
  ].join('\n');
}

/** A report's Markdown with its bulk import section replaced by `section` (appended when it has none). */
export function withImportSection(markdown: string, section: string): string {
  const start = markdown.indexOf(`\n${IMPORT_HEADING}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + 1);
  const rest = next < 0 ? '' : markdown.slice(next + 1);
  return `${markdown.slice(0, start + 1)}${section}${rest ? `\n${rest}` : ''}`;
}
