import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One measured phase of the skew bench: a query law on a placement. */
export interface SkewPhase {
  workers: number;
  /** Where the Zipf ranks' hot lists lie: anywhere (shuffled), or around one list (neighbourhood). */
  hot_lists: string;
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
  hot_lists: string;
  nlist: number;
  nprobe: number;
  zipf_exponent: number;
  /** Batch QPS under the Zipf load after the load-aware Rebalance ÷ batch QPS under the uniform load. */
  skew_qps_ratio: number;
  /** The same ratio on the placement before the Rebalance. */
  skew_qps_ratio_before: number;
  /** Zipf QPS ÷ uniform QPS, both after the Rebalance (the uniform load on the placement tuned for Zipf). */
  skew_qps_ratio_same_placement: number;
  /**
   * The ratio where worker CPU alone limits QPS: the uniform load's busiest-worker share of the scan
   * work over the Zipf load's after the Rebalance (max_over_mean_query_load); free of the noise of a shared machine.
   */
  skew_qps_ratio_model: number;
  uniform_qps: number;
  uniform_qps_after: number;
  /** What the Rebalance balanced: 'queries' or 'vectors'. */
  rebalanced_by: string;
  lists_moved: number;
  /** Whether the two collections (as built, rebalanced) were trained to the same quantizer. */
  same_quantizer: boolean;
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
