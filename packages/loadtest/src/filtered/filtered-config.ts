import type { DatasetSpec } from '@vecshard/datasets';

/** One dataset of the filtered benchmark, with the index and the one nprobe every IVF search uses. */
export interface FilteredRun {
  dataset: DatasetSpec;
  index: string;
  /** nprobe of every IVF search, filtered or not, in FAISS and in the cluster (which widens it per query). */
  nprobe: number;
  /** Vectors the quantizer is trained on (the first rows of the base). */
  trainCount: number;
}

export interface FilteredConfig {
  /** Names the run in the report; `resultsFile` names its files (`filtered.json/.md/.svg`). */
  label: string;
  resultsFile: string;
  runs: FilteredRun[];
  /** Shard workers of the local cluster. */
  workers: number;
  /** Rows per upsert while loading the cluster. */
  addBatch: number;
  /** Batch throughput: every query in one request, repeated until `batchSeconds` or `batchMaxRepeats`. */
  batchSeconds: number;
  batchMaxRepeats: number;
  /** Filter evaluation cost: `count` with the filter, repeated until `countSeconds` or `countMaxRepeats`. */
  countSeconds: number;
  countMaxRepeats: number;
  /** Seed of the synthetic fields (price and tags). */
  fieldSeed: number;
}

/** The shares of rows the price ranges select (exactly, see synthetic-fields.ts). */
export const SELECTIVITIES: readonly number[] = [0.5, 0.1, 0.01, 0.001];

export const FILTERED_K = 10;

export interface FilteredConfigOptions {
  /** Rows of the synthetic set (default 200 000). */
  rows?: number;
  /** Queries per dataset (default 1000). */
  queries?: number;
  /** Which datasets, in order (default Fashion-MNIST, then synthetic). */
  datasets?: readonly FilteredDatasetName[];
}

export type FilteredDatasetName = 'fashion-mnist' | 'synthetic';

export const FILTERED_DATASETS: readonly FilteredDatasetName[] = ['fashion-mnist', 'synthetic'];

/**
 * The moderate run: Fashion-MNIST (60k × 784, IVF256,Flat, nprobe 8: unfiltered
 * recall@10 0.99) and the suite's synthetic mixture at 200k × 128 (up to 1M with
 * `rows`), IVF with about √rows lists, nprobe 48; 2 workers. Each nprobe is the
 * smallest of the usual steps whose unfiltered recall clears 0.95, so what the
 * filters cost in recall is not hidden behind an index that misses the bar anyway.
 */
export function filteredConfig(options: FilteredConfigOptions = {}): FilteredConfig {
  const rows = options.rows ?? 200_000;
  const queries = options.queries ?? 1000;
  const runs = (options.datasets ?? FILTERED_DATASETS).map((name) =>
    name === 'fashion-mnist' ? fashionRun(queries) : syntheticRun(rows, queries),
  );
  return {
    label: 'filtered',
    resultsFile: 'filtered',
    runs,
    workers: 2,
    addBatch: 20_000,
    batchSeconds: 3,
    batchMaxRepeats: 50,
    countSeconds: 2,
    countMaxRepeats: 200,
    fieldSeed: 7,
  };
}

function fashionRun(queries: number): FilteredRun {
  return {
    dataset: { kind: 'fashion-mnist', queries },
    index: 'IVF256,Flat',
    nprobe: 8,
    trainCount: 60_000,
  };
}

/** The full suite's mixture (256 overlapping components, noise 1.75), so recall keeps rising with nprobe. */
function syntheticRun(rows: number, queries: number): FilteredRun {
  const nlist = listsFor(rows);
  return {
    dataset: { kind: 'synthetic', count: rows, queries, dim: 128, clusters: 256, noise: 1.75, seed: 1 },
    index: `IVF${nlist},Flat`,
    // Unfiltered FAISS recall@10 at 200k, IVF512,Flat: 0.928 / 0.950 / 0.963 / 0.972 at nprobe 16 / 32 / 48 / 64.
    nprobe: 48,
    // 64 training points per list, well above FAISS's warning at 39.
    trainCount: Math.min(rows, nlist * 64),
  };
}

/** A power of two near √rows (512 at 200k, 1024 at 1M), the usual IVF sizing. */
function listsFor(rows: number): number {
  return 2 ** Math.max(4, Math.round(Math.log2(Math.sqrt(rows))));
}

/**
 * A tiny synthetic run for the smoke test: 20k × 32, IVF64,Flat, nprobe 4,
 * 200 queries; short timings (the numbers mean little, the report's shape does).
 */
export const TINY_FILTERED: FilteredConfig = {
  label: 'filtered-tiny',
  resultsFile: 'filtered-tiny',
  runs: [
    {
      dataset: { kind: 'synthetic', count: 20_000, queries: 200, dim: 32, clusters: 32, noise: 1, seed: 1 },
      index: 'IVF64,Flat',
      nprobe: 4,
      trainCount: 20_000,
    },
  ],
  workers: 2,
  addBatch: 10_000,
  batchSeconds: 0.2,
  batchMaxRepeats: 3,
  countSeconds: 0.1,
  countMaxRepeats: 5,
  fieldSeed: 7,
};
