import type { CpuByRole } from '../metrics/process-cpu.js';
import type { MachineDescription } from '../report/machine.js';
import type { FilterKind } from './filter-cases.js';

/**
 * Where a filtered search runs: in this process on one IVF index with the
 * matches as an id selector at the same nprobe (`faiss-ivf`) or exactly over
 * the matches (`faiss-exact`), through the cluster's coordinator (`cluster`), or
 * one hop from the client to the workers where a filter allows (`cluster-direct`:
 * the filter as an object, served one hop when every shard searches its matches
 * alone, else by the coordinator).
 */
export type FilteredMode = 'faiss-ivf' | 'faiss-exact' | 'cluster' | 'cluster-direct';

export const FILTERED_MODES: readonly FilteredMode[] = [
  'faiss-ivf',
  'faiss-exact',
  'cluster',
  'cluster-direct',
];

/** The coordinator's plan for a filter (search-plan.ts): exact over the matches, or IVF with a selector. */
export type ExpectedPlan = 'exact' | 'ivf';

/** One mode on one filter of one dataset. */
export interface FilteredRow {
  suite: string;
  dataset: string;
  index: string;
  nprobe: number;
  /** Shard workers of the cluster (1 in this process). */
  workers: number;
  k: number;
  queries: number;
  /** The filter expression, or `unfiltered`. */
  filter: string;
  filter_kind: FilterKind;
  /** Matching rows over all rows. */
  selectivity: number;
  /** The share the filter was built to select (price ranges and unfiltered), null for keyword filters. */
  target_selectivity: number | null;
  matches: number;
  mode: FilteredMode;
  /** recall@10 against the exact top-10 among the matching rows (Flat brute force over them). */
  recall_at_10: number;
  /** Returned ids that do not match the filter (0 unless a search is wrong). */
  filter_violations: number;
  /** Queries per second with every query in one request. */
  batch_qps: number;
  /** CPU ms per query in the timed batches, over this process and every cluster process. */
  cpu_ms_per_query: number;
  cpu_ms_per_query_by_role: CpuByRole;
  /** Cluster rows: the plan the coordinator's rule picks for this selectivity and nprobe. */
  expected_plan?: ExpectedPlan;
  /** Cluster rows: what `count` with the filter answered (checked against `matches`). */
  cluster_count?: number;
  /**
   * Cluster rows: wall ms of one `count` with the filter (the round trips and
   * the bitmaps); unfiltered, of a `count` without one (the round trips alone).
   */
  filter_eval_ms?: number;
  /** Cluster rows: CPU ms of that `count` over every process. */
  filter_eval_cpu_ms?: number;
  /** cluster-direct rows: the path of the first answer (`direct` = one hop) and why it was not, if not. */
  search_path?: string;
  fallback_reason?: string;
  machine: MachineDescription;
  generated_at: string;
}
