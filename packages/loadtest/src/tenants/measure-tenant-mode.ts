import type { Filter } from '@vecshard/client';
import type { Dataset } from '@vecshard/datasets';
import type { SearchResult } from '@vecshard/faiss';
import { perQuery, timeRepeated } from '../filtered/batch-timing.js';
import { filteredRecall, matchMask } from '../filtered/filtered-recall.js';
import { type CpuByRole, totalCpuMs } from '../metrics/process-cpu.js';
import type { MachineDescription } from '../report/machine.js';
import { searchConcurrently } from './concurrent-searches.js';
import { tenantName } from './tenant-assignment.js';
import type { TenantCollection } from './tenant-collection.js';
import { TENANT_K, type TenantConfig } from './tenant-config.js';
import type { SingleQueryStats, TenantMode, TenantRow } from './tenant-row.js';

/** What both collections are measured with. */
export interface TenantContext {
  config: TenantConfig;
  dataset: Dataset;
  /** The searched tenant's rows, and the exact top-k among them of every query. */
  matches: BigInt64Array;
  truth: SearchResult;
  /** CPU of this process and every cluster process. */
  sampleCpu: () => CpuByRole;
  machine: MachineDescription;
  generatedAt: string;
  log: (line: string) => void;
}

/** The filter of every search: the tenant, as a user writes it whichever way the collection stores it. */
export function tenantFilter(tenant: string): string {
  return `tenant == '${tenant}'`;
}

/** The same filter as an object, which a client can send one hop (expressions are parsed by the coordinator). */
export function tenantFilterObject(tenant: string): Filter {
  return { must: [{ match: { field: 'tenant', keywords: [tenant] } }] };
}

/**
 * One collection searched for the tenant: the batch answer's recall and
 * throughput, Count, then one query per request with several in flight, all
 * for that tenant (its shard alone serves them through the partition key),
 * then for every tenant in turn (the load spreads over the shards).
 */
export async function measureTenantMode(
  mode: TenantMode,
  collection: TenantCollection,
  context: TenantContext,
): Promise<TenantRow> {
  const { config, dataset } = context;
  const filter = tenantFilter(config.tenant);
  const batch = await timeRepeated(
    () => collection.searchAll(TENANT_K, filter),
    { seconds: config.batchSeconds, maxRepeats: config.batchMaxRepeats },
    context.sampleCpu,
  );
  const answer = { labels: batch.first.ids, distances: batch.first.distances };
  const scored = filteredRecall(answer, context.truth, TENANT_K, matchMask(context.matches, dataset.count));
  const count = await collection.count(filter);
  const budget = {
    concurrency: config.concurrency,
    seconds: config.singleSeconds,
    maxRequests: config.singleMaxRequests,
    warmUpSeconds: config.warmUpSeconds,
  };
  const oneTenant = await searchConcurrently(
    (request) => collection.searchOne(TENANT_K, filter, request),
    budget,
    context.sampleCpu,
  );
  const allTenants = await searchConcurrently(
    (request) => collection.searchOne(TENANT_K, tenantFilter(tenantName(request % config.tenants)), request),
    budget,
    context.sampleCpu,
  );
  await collection.prepareOneHop();
  const oneTenantOneHop = await searchConcurrently(
    (request) => collection.searchOne(TENANT_K, tenantFilterObject(config.tenant), request, true),
    budget,
    context.sampleCpu,
  );
  const allTenantsOneHop = await searchConcurrently(
    (request) =>
      collection.searchOne(TENANT_K, tenantFilterObject(tenantName(request % config.tenants)), request, true),
    budget,
    context.sampleCpu,
  );
  const row: TenantRow = {
    suite: config.label,
    dataset: dataset.name,
    index: config.index,
    nprobe: config.nprobe,
    shards: config.shards,
    tenants: config.tenants,
    mode,
    filter,
    tenant_rows: context.matches.length,
    k: TENANT_K,
    queries: dataset.queryCount,
    recall_at_10: scored.recall,
    filter_violations: scored.violations,
    count,
    batch_qps: batch.callsPerSecond * dataset.queryCount,
    batch_cpu_ms_per_query: totalCpuMs(perQuery(batch.cpuMsPerCall, dataset.queryCount)),
    batch_shards_queried: batch.first.shardsQueried,
    one_tenant: oneTenant,
    all_tenants: allTenants,
    one_tenant_one_hop: oneTenantOneHop,
    all_tenants_one_hop: allTenantsOneHop,
    machine: context.machine,
    generated_at: context.generatedAt,
  };
  context.log(resultLine(row));
  return row;
}

function resultLine(row: TenantRow): string {
  const wrong = row.filter_violations > 0 ? `, ${row.filter_violations} ids of OTHER tenants` : '';
  const single = (stats: SingleQueryStats) =>
    `${stats.qps.toFixed(0)} q/s (${stats.shards_per_search.toFixed(2)} shards/search, ` +
    `${stats.cpu_ms_per_query.toFixed(3)} CPU ms/query)`;
  return (
    `  ${row.mode}: recall@10 ${row.recall_at_10.toFixed(4)}, batch ${row.batch_qps.toFixed(0)} q/s; ` +
    `one tenant ${single(row.one_tenant)}; all tenants ${single(row.all_tenants)}; ` +
    `one hop: one tenant ${single(row.one_tenant_one_hop)}, all tenants ${single(row.all_tenants_one_hop)}${wrong}`
  );
}
