import type { MachineDescription } from '../report/machine.js';
import type { BenchMode } from './suite-config.js';

/** One line of the benchmark results: a mode at one nprobe. */
export interface BenchRow {
  suite: string;
  mode: BenchMode;
  dataset: string;
  index: string;
  /** Shard workers (1 for the single-process baseline). */
  workers: number;
  nprobe: number;
  k: number;
  queries: number;
  recall_at_10: number;
  /** Queries per second with every query in one request. */
  batch_qps: number;
  single_p50_ms: number;
  single_p90_ms: number;
  single_p99_ms: number;
  single_p999_ms: number;
  /** Vectors added per second while loading (training excluded). */
  ingest_vps: number;
  train_seconds: number;
  /** Mean shards a single query reached. */
  shards_per_query: number;
  /** Failed requests during the measurements (should be 0). */
  errors: number;
  machine: MachineDescription;
  generated_at: string;
}
