import type { Metric } from '@vecshard/faiss';

/** What a search returns to the harness: k ids per query and how many shards were asked. */
export interface TargetSearchResult {
  ids: BigInt64Array;
  /** Shards the request reached (1 for a single in-process index). */
  shardsQueried: number;
}

/** How the index is built: the same for every target so their results compare. */
export interface IndexSpec {
  dim: number;
  /** FAISS factory string, e.g. `IVF1024,Flat`. */
  index: string;
  metric: Metric;
}

/**
 * Something the harness can load and query: the in-process FAISS baseline or
 * a vecshard cluster through the client SDK.
 */
export interface SearchTarget {
  /** Names the target in reports, e.g. `faiss` or `cluster(lists)`. */
  readonly name: string;
  /** Trains the index (the coarse quantizer) on a sample of base vectors. */
  train(sample: Float32Array): Promise<void>;
  /** Adds vectors with fresh ids (the initial load). */
  add(ids: BigInt64Array, vectors: Float32Array): Promise<void>;
  /** Inserts or replaces vectors by id (the write side of mixed workloads). */
  upsert(ids: BigInt64Array, vectors: Float32Array): Promise<void>;
  search(queries: Float32Array, k: number, nprobe: number): Promise<TargetSearchResult>;
  close(): Promise<void>;
}
