import type { CpuByRole } from '../metrics/process-cpu.js';
import type { MachineDescription } from '../report/machine.js';
import type { BenchMode } from './suite-config.js';

/** One line of the benchmark results: a mode at one nprobe on one dataset. */
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
  /** CPU ms per query in the batch phase, summed over every process serving the mode and the client. */
  cpu_ms_per_query: number;
  /** The same split by role: client (this process), coordinator, worker (all workers), redis. */
  cpu_ms_per_query_by_role: CpuByRole;
  /** A bare gRPC round trip between two processes on loopback (measured once per run). */
  rtt_p50_ms: number;
  rtt_p99_ms: number;
  /** The FAISS build of the in-process index; for cluster modes, the build the workers load by default. */
  faiss_build: string;
  /** In-process IVF modes: stored-vector bytes scanned per query, from the list sizes of the probed lists. */
  scanned_bytes_per_query?: number;
  /** In-process IVF modes: scanned_bytes_per_query × batch_qps, GB/s (10^9 bytes). */
  scan_gb_per_s?: number;
  /** This machine's memory read bandwidth, GB/s, measured once per run (NaN → null when unavailable). */
  memory_read_gb_per_s: number | null;
  machine: MachineDescription;
  generated_at: string;
}
