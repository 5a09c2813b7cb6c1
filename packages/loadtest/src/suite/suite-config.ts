import type { DatasetSpec } from '@vecshard/datasets';

/** Where the same data and queries are run: in-process FAISS, or the cluster with either routing. */
export type BenchMode = 'faiss' | 'cluster' | 'scatter';

export const ALL_MODES: readonly BenchMode[] = ['faiss', 'cluster', 'scatter'];

export interface SuiteConfig {
  /** Names the run; also the results file (`quick.json`, or `latest.json` for the full run). */
  label: string;
  resultsFile: string;
  dataset: DatasetSpec;
  index: string;
  workers: number;
  nprobes: number[];
  modes: BenchMode[];
  /** Vectors the quantizer is trained on. */
  trainCount: number;
  /** Vectors per add/upsert request while loading. */
  addBatch: number;
  /** Batch throughput: every query in one request, repeated until `batchSeconds` or `batchMaxRepeats`. */
  batchSeconds: number;
  batchMaxRepeats: number;
  /** Single-query latency: this many one-query requests, one at a time. */
  singleQueries: number;
}

export const K = 10;

/** < 3 minutes on 2 cores: 50k × 64, IVF256,Flat, 2 workers. */
export const QUICK_SUITE: SuiteConfig = {
  label: 'quick',
  resultsFile: 'quick',
  dataset: { kind: 'synthetic', count: 50_000, queries: 500, dim: 64, clusters: 64, noise: 0.5, seed: 1 },
  index: 'IVF256,Flat',
  workers: 2,
  nprobes: [1, 4, 16],
  modes: [...ALL_MODES],
  trainCount: 20_000,
  addBatch: 10_000,
  batchSeconds: 1,
  batchMaxRepeats: 20,
  singleQueries: 300,
};

/** The headline run: 1M × 128 synthetic, IVF1024,Flat, 2 workers, an nprobe sweep. */
export const FULL_SUITE: SuiteConfig = {
  label: 'full',
  resultsFile: 'latest',
  dataset: {
    kind: 'synthetic',
    count: 1_000_000,
    queries: 1000,
    dim: 128,
    clusters: 256,
    noise: 0.5,
    seed: 1,
  },
  index: 'IVF1024,Flat',
  workers: 2,
  nprobes: [1, 2, 4, 8, 16, 64],
  modes: [...ALL_MODES],
  trainCount: 65_536,
  addBatch: 20_000,
  batchSeconds: 3,
  batchMaxRepeats: 50,
  singleQueries: 1000,
};
