import type { CpuByRole } from '../metrics/process-cpu.js';
import type { MachineDescription } from '../report/machine.js';

/**
 * How the tenant is stored: as the collection's partition key (rows placed by
 * tenant, a search for one asks its shard) or as a plain keyword field (rows
 * placed by list, a search for one asks every shard).
 */
export type TenantMode = 'partition-key' | 'plain-filter';

export const TENANT_MODES: readonly TenantMode[] = ['partition-key', 'plain-filter'];

/** Single-query requests with `concurrency` in flight (closed loop). */
export interface SingleQueryStats {
  qps: number;
  concurrency: number;
  requests: number;
  p50_ms: number;
  p99_ms: number;
  /** Failed requests (0 unless something is wrong). */
  errors: number;
  /** Shards asked per search (SearchResult.shardsQueried), mean over the requests. */
  shards_per_search: number;
  /** Share of the answers the client got one hop (SearchResult.path 'direct'); 0 through the coordinator. */
  one_hop_share: number;
  /** CPU ms per query over this process and every cluster process, and its split by role. */
  cpu_ms_per_query: number;
  cpu_ms_per_query_by_role: CpuByRole;
}

/** One collection's measurements. */
export interface TenantRow {
  suite: string;
  dataset: string;
  index: string;
  nprobe: number;
  shards: number;
  tenants: number;
  mode: TenantMode;
  /** The filter of the batch and one-tenant searches, e.g. `tenant == 't-42'`. */
  filter: string;
  /** Rows of that tenant. */
  tenant_rows: number;
  k: number;
  queries: number;
  /** recall@10 of the batch answer against a Flat brute force over the tenant's rows. */
  recall_at_10: number;
  /** Returned ids of another tenant (0 unless a search is wrong). */
  filter_violations: number;
  /** What `count` with the filter answered (checked against `tenant_rows`). */
  count: number;
  /** Queries per second with every query in one request. */
  batch_qps: number;
  /** CPU ms per query in the timed batches, over this process and every cluster process. */
  batch_cpu_ms_per_query: number;
  /** One query per request, several in flight, every request for the tenant above. */
  one_tenant: SingleQueryStats;
  /** The same with request i for tenant `t-<i mod tenants>`: the load of a service with many tenants. */
  all_tenants: SingleQueryStats;
  /**
   * The same two loads one hop: the client routes each search itself
   * (`direct: true`, the filter as an object), to the tenant's shard under
   * the partition key and to every shard under the plain filter, and the
   * coordinator serves only what a shard declines.
   */
  one_tenant_one_hop: SingleQueryStats;
  all_tenants_one_hop: SingleQueryStats;
  /** Shards asked by the batch request (SearchResult.shardsQueried). */
  batch_shards_queried: number;
  machine: MachineDescription;
  generated_at: string;
}
