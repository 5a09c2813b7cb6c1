import type { TenantRow } from './tenant-row.js';

/** A target of the tenant benchmark. Reported, never asserted. */
export interface TenantVerdict {
  target: string;
  met: boolean;
  detail: string;
}

/** The bar: a tenant query through the partition key runs this many times the plain filter's QPS. */
export const TENANT_SPEEDUP_TARGET = 4;

/** The two collections' rows, when both were measured. */
export function tenantPair(rows: TenantRow[]): { keyed: TenantRow; plain: TenantRow } | undefined {
  const keyed = rows.find((r) => r.mode === 'partition-key');
  const plain = rows.find((r) => r.mode === 'plain-filter');
  return keyed && plain ? { keyed, plain } : undefined;
}

/**
 * The targets: one shard asked; the speed-up, judged on one query per
 * request over all tenants (what a service with many tenants serves: each
 * query asks one shard instead of all, so the shards serve others meanwhile),
 * with one tenant alone (its one shard the bottleneck) and batched (the
 * fan-out amortised over the batch) shown beside it; exactness within the tenant.
 */
export function judgeTenants(rows: TenantRow[]): TenantVerdict[] {
  const pair = tenantPair(rows);
  if (!pair) return [];
  const { keyed, plain } = pair;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const speedup = keyed.all_tenants.qps / plain.all_tenants.qps;
  const oneHop = keyed.all_tenants_one_hop.qps / plain.all_tenants_one_hop.qps;
  const keyedLoads = [
    keyed.all_tenants,
    keyed.one_tenant,
    keyed.all_tenants_one_hop,
    keyed.one_tenant_one_hop,
  ];
  const shards = keyedLoads.map((s) => s.shards_per_search);
  return [
    {
      target: 'a tenant query through the partition key asks 1 shard',
      met: shards.every((n) => n === 1) && keyed.batch_shards_queried === 1,
      detail:
        `${keyed.all_tenants.shards_per_search.toFixed(2)} shards per search ` +
        `(plain filter: ${plain.all_tenants.shards_per_search.toFixed(2)} of ${plain.shards})`,
    },
    {
      target: `partition-key QPS ≥ ${TENANT_SPEEDUP_TARGET}× the plain filter's (one query per request, all tenants)`,
      met: speedup >= TENANT_SPEEDUP_TARGET,
      detail:
        `${speedup.toFixed(2)}× (${keyed.all_tenants.qps.toFixed(0)} vs ${plain.all_tenants.qps.toFixed(0)} q/s); ` +
        `one tenant alone ${ratio(keyed.one_tenant.qps, plain.one_tenant.qps)}, ` +
        `batched ${ratio(keyed.batch_qps, plain.batch_qps)}`,
    },
    {
      target:
        `partition-key QPS ≥ ${TENANT_SPEEDUP_TARGET}× the plain filter's, one hop ` +
        '(one query per request, all tenants, the client routing each search)',
      met: oneHop >= TENANT_SPEEDUP_TARGET,
      detail:
        `${oneHop.toFixed(2)}× (${keyed.all_tenants_one_hop.qps.toFixed(0)} vs ` +
        `${plain.all_tenants_one_hop.qps.toFixed(0)} q/s; ` +
        `${(100 * keyed.all_tenants_one_hop.one_hop_share).toFixed(0)} % and ` +
        `${(100 * plain.all_tenants_one_hop.one_hop_share).toFixed(0)} % served one hop); ` +
        `one tenant alone ${ratio(keyed.one_tenant_one_hop.qps, plain.one_tenant_one_hop.qps)}`,
    },
    {
      target: 'exact within the tenant (recall@10 = 1)',
      met: keyed.recall_at_10 === 1,
      detail: `partition key ${keyed.recall_at_10.toFixed(4)}, plain filter ${plain.recall_at_10.toFixed(4)}`,
    },
  ];
}
