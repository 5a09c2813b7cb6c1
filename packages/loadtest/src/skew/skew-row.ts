import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One measured phase of the skew bench: a query law on a placement. */
export interface SkewPhase {
  workers: number;
  /** uniform / zipf, before or after the Rebalance. */
  phase: string;
  batch_qps: number;
  shards_per_query: number;
  /** Busiest worker's expected scan work (probes × rows of its lists) over the mean, for this phase's queries. */
  max_over_mean_query_load: number;
  /** Each worker's CPU over the phase's wall time (1 = one core busy), in worker order. */
  worker_cpu: number[];
  coordinator_cpu: number;
  /** Busiest worker's vectors over the mean. */
  max_over_mean_vectors: number;
}

/** What the results file keeps per worker count: the ratio the issue names, beside what it came from. */
export interface SkewResult {
  suite: 'skew';
  workers: number;
  nlist: number;
  nprobe: number;
  zipf_exponent: number;
  /** Batch QPS under the Zipf load after the load-aware Rebalance ÷ batch QPS under the uniform load. */
  skew_qps_ratio: number;
  /** The same ratio on the placement before the Rebalance. */
  skew_qps_ratio_before: number;
  uniform_qps: number;
  zipf_qps_before: number;
  zipf_qps_after: number;
  shards_per_query_before: number;
  shards_per_query_after: number;
  worker_cpu_before: number[];
  worker_cpu_after: number[];
  /** Zipf answers that differed after the Rebalance from before (must be 0). */
  answers_changed: number;
  machine: string;
  generated_at: string;
}

function isSkewRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && (row as { suite?: unknown }).suite === 'skew';
}

/** Replaces the skew rows of a results file (an array of rows) with `rows`, keeping every other row. */
export function replaceSkewRows(file: string, rows: SkewResult[]): void {
  const existing: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const kept = Array.isArray(existing) ? existing.filter((row) => !isSkewRow(row)) : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...rows], null, 2)}\n`);
}

/** Target 5 of issue 25: Zipf QPS ≥ 0.8 × uniform QPS, at every worker count measured. */
export const SKEW_TARGET = 0.8;
