import type { DatasetSpec } from '@vecshard/datasets';

/** The tenant benchmark's setup: one dataset in two collections, searched for one tenant. */
export interface TenantConfig {
  /** Names the run in the report; `resultsFile` names its files (`tenants.json/.md/.svg`). */
  label: string;
  resultsFile: string;
  dataset: DatasetSpec;
  index: string;
  /** The collections' nprobe (their default, so neither search passes one). */
  nprobe: number;
  /** Vectors the quantizer is trained on (the first rows of the base). */
  trainCount: number;
  /** Shards of each collection; the product places one shard per worker, so also the workers started. */
  shards: number;
  /** Tenants the rows are dealt to, equally (tenant names `t-0` … `t-<tenants − 1>`). */
  tenants: number;
  /** The tenant every search asks for. */
  tenant: string;
  /** Rows per upsert while loading. */
  addBatch: number;
  /** Batch throughput: every query in one request, repeated until `batchSeconds` or `batchMaxRepeats`. */
  batchSeconds: number;
  batchMaxRepeats: number;
  /** Single-query throughput: `concurrency` clients, one query per request, for `singleSeconds` or `singleMaxRequests`. */
  concurrency: number;
  singleSeconds: number;
  singleMaxRequests: number;
  /**
   * Uncounted single-query load before each timed one, seconds: a worker that
   * has served nothing yet runs its code unoptimised (V8 optimises as calls
   * come), and under a partition key the tenants' searches spread over the
   * shards, each worker getting an eighth of them.
   */
  warmUpSeconds: number;
  /** Seed of the dealing of rows to tenants. */
  tenantSeed: number;
}

export const TENANT_K = 10;

export interface TenantConfigOptions {
  /** Rows of the synthetic set (default 200 000). */
  rows?: number;
  /** Queries (default 1000). */
  queries?: number;
}

/**
 * The setup: 100 tenants over 8 shards, the filtered benchmark's
 * synthetic mixture at 200k × 128 (IVF512,Flat, nprobe 48; up to 1M with
 * `rows`): every tenant holds 1 % of the rows.
 */
export function tenantConfig(options: TenantConfigOptions = {}): TenantConfig {
  const rows = options.rows ?? 200_000;
  const nlist = 2 ** Math.max(4, Math.round(Math.log2(Math.sqrt(rows))));
  return {
    label: 'tenants',
    resultsFile: 'tenants',
    dataset: {
      kind: 'synthetic',
      count: rows,
      queries: options.queries ?? 1000,
      dim: 128,
      clusters: 256,
      noise: 1.75,
      seed: 1,
    },
    index: `IVF${nlist},Flat`,
    nprobe: 48,
    trainCount: Math.min(rows, nlist * 64),
    shards: 8,
    tenants: 100,
    tenant: 't-42',
    addBatch: 20_000,
    batchSeconds: 5,
    batchMaxRepeats: 100,
    concurrency: 8,
    singleSeconds: 15,
    singleMaxRequests: 1_000_000,
    warmUpSeconds: 3,
    tenantSeed: 5,
  };
}

/**
 * A tiny run for the smoke test: 8k × 16 over 4 shards and 20 tenants, short
 * timings (the numbers mean little, the report's shape and the answers do).
 */
export const TINY_TENANTS: TenantConfig = {
  label: 'tenants-tiny',
  resultsFile: 'tenants-tiny',
  dataset: { kind: 'synthetic', count: 8000, queries: 50, dim: 16, clusters: 16, noise: 1, seed: 1 },
  index: 'IVF32,Flat',
  nprobe: 4,
  trainCount: 8000,
  shards: 4,
  tenants: 20,
  tenant: 't-7',
  addBatch: 4000,
  batchSeconds: 0.2,
  batchMaxRepeats: 3,
  concurrency: 4,
  singleSeconds: 0.3,
  singleMaxRequests: 60,
  warmUpSeconds: 0.05,
  tenantSeed: 5,
};
