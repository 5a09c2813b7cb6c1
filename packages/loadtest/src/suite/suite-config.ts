import type { DatasetSpec } from '@vecshard/datasets';

/**
 * Where the same data and queries are run: in-process FAISS (the default build, or
 * Debian's generic libfaiss), the cluster with list routing through the
 * coordinator (two hops) or straight from the client to the shards (one hop),
 * and the cluster with scatter routing.
 */
export type BenchMode = 'faiss' | 'faiss-debian' | 'cluster' | 'cluster-direct' | 'scatter';

export const ALL_MODES: readonly BenchMode[] = [
  'faiss',
  'faiss-debian',
  'cluster',
  'cluster-direct',
  'scatter',
];

/** The modes served by a cluster (the rest run in this process). */
export const CLUSTER_MODES: readonly BenchMode[] = ['cluster', 'cluster-direct', 'scatter'];

/** One dataset of a suite, with its index, sweep and modes. */
export interface DatasetRun {
  dataset: DatasetSpec;
  index: string;
  nprobes: number[];
  modes: BenchMode[];
  /** Vectors the quantizer is trained on. */
  trainCount: number;
}

export interface SuiteConfig {
  /** Names the run; also the results file (`quick.json`, or `latest.json` for the full run). */
  label: string;
  resultsFile: string;
  /** The datasets, in order; the report has one table per dataset. */
  runs: DatasetRun[];
  workers: number;
  /** Vectors per add/upsert request while loading. */
  addBatch: number;
  /** Batch throughput: every query in one request, repeated until `batchSeconds` or `batchMaxRepeats`. */
  batchSeconds: number;
  batchMaxRepeats: number;
  /** Single-query latency: this many one-query requests, one at a time. */
  singleQueries: number;
  /** One-query searches run, not counted, before the single-query latency is measured. */
  singleWarmUp: number;
  /** One-query searches run, not counted, once after loading, before the first nprobe is measured. */
  singleWarmUpAfterLoad: number;
  /** Bare gRPC round trips timed once per run (after a warm-up), the latency floor of every remote call. */
  roundTrips: number;
}

export const K = 10;

/** < 3 minutes on 2 cores: 50k × 64, IVF256,Flat, 2 workers. */
export const QUICK_SUITE: SuiteConfig = {
  label: 'quick',
  resultsFile: 'quick',
  runs: [
    {
      // Overlapping components like the full run's, so recall rises over the sweep: FAISS recall@10
      // 0.366 / 0.828 / 0.932 at nprobe 1 / 4 / 16 (noise 0.5 reached 0.950 at nprobe 4 and 1.000 at 16).
      dataset: { kind: 'synthetic', count: 50_000, queries: 500, dim: 64, clusters: 64, noise: 1.5, seed: 1 },
      index: 'IVF256,Flat',
      nprobes: [1, 4, 16],
      modes: [...ALL_MODES],
      trainCount: 20_000,
    },
  ],
  workers: 2,
  addBatch: 10_000,
  batchSeconds: 1,
  batchMaxRepeats: 20,
  singleQueries: 300,
  singleWarmUp: 100,
  singleWarmUpAfterLoad: 500,
  roundTrips: 1000,
};

/**
 * The headline run: 1M × 128 synthetic, IVF1024,Flat, then Fashion-MNIST
 * (60k × 784, its 10k test images as queries), IVF256,Flat; 2 workers.
 * The synthetic mixture's components overlap (noise 1.75× the spread of their
 * centres), so a query's neighbours spread over several lists and recall keeps
 * rising with nprobe instead of saturating.
 */
export const FULL_SUITE: SuiteConfig = {
  label: 'full',
  resultsFile: 'latest',
  runs: [
    {
      dataset: {
        kind: 'synthetic',
        count: 1_000_000,
        queries: 1000,
        dim: 128,
        clusters: 256,
        // FAISS recall@10 on this mixture, IVF1024,Flat: 0.520 / 0.898 / 0.947 / 0.974 at nprobe 1 / 4 / 16 / 64
        // (noise 0.5, the earlier setting, reached 0.965 at nprobe 4 and 1.000 from nprobe 16).
        noise: 1.75,
        seed: 1,
      },
      index: 'IVF1024,Flat',
      nprobes: [1, 2, 4, 8, 16, 64],
      modes: [...ALL_MODES],
      trainCount: 65_536,
    },
    {
      dataset: { kind: 'fashion-mnist', queries: 10_000 },
      index: 'IVF256,Flat',
      nprobes: [1, 2, 4, 8, 16, 32],
      modes: ['faiss', 'faiss-debian', 'cluster', 'cluster-direct'],
      trainCount: 60_000,
    },
  ],
  workers: 2,
  addBatch: 20_000,
  batchSeconds: 3,
  batchMaxRepeats: 50,
  singleQueries: 1000,
  singleWarmUp: 200,
  singleWarmUpAfterLoad: 4000,
  roundTrips: 2000,
};
