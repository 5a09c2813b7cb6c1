import type { CpuByRole } from '../metrics/process-cpu.js';
import { machineLine } from '../report/machine.js';
import type { SingleQueryStats, TenantRow } from './tenant-row.js';
import { judgeTenants, tenantPair } from './tenant-targets.js';

const MODES_LINE =
  '- Modes: `partition-key` = the collection created with `partitionKey: "tenant"` (rows placed by the FNV-1a ' +
  'hash of their tenant, so a filter fixing the tenant asks its one shard); `plain-filter` = the same rows in a ' +
  'collection without a partition key, `tenant` a plain KEYWORD field (rows placed by IVF list, so every shard ' +
  'holds some of every tenant and is asked). Same vectors, ids, index, nprobe and filter text.';

const MEASURES_LINE =
  '- one tenant: one query per request, `concurrency` requests in flight (closed loop, after a warm-up round), ' +
  'every request for the tenant below; all tenants: the same with request i for tenant `t-<i mod tenants>`, as a ' +
  'service with many tenants is asked; QPS, p50/p99 of those requests, shards/search = mean `shardsQueried` of ' +
  'their answers, CPU ms/query = every process (this client, the coordinator, the workers, redis) while they ran. ' +
  'batch: all queries in one request for the tenant below, repeated after an uncounted one; recall@10 of that ' +
  'first answer against a FAISS Flat brute force over the tenant’s rows; count = `count` with the filter (must ' +
  'equal the tenant’s rows). one hop: the same single-query loads with `direct: true` and the filter as an object ' +
  '(`{ must: [{ match: { field: "tenant", keywords: [t] } }] }`): the client asks the shards itself, the tenant’s ' +
  'one under the partition key (from the routing table), every shard under the plain filter; the share of ' +
  'answers served one hop is shown (the rest went through the coordinator, where a shard declined).';

/** The results as Markdown: setup, the table, the ratios, the targets and the chart. */
export function tenantMarkdown(label: string, rows: TenantRow[], chartFile: string): string {
  const first = rows[0];
  const lines = [
    `# vecshard tenant benchmark (${label})`,
    '',
    `- Generated: ${first?.generated_at ?? new Date().toISOString()}`,
    first ? `- Machine: ${machineLine(first.machine)}` : '- Machine: n/a',
    first
      ? `- ${first.dataset}, ${first.index}, nprobe ${first.nprobe}, k = ${first.k}, ${first.queries} queries; ` +
        `${first.tenants} tenants dealt equally at random over the rows, ${first.shards} shards on as many ` +
        `workers on this machine; the tenant searched alone and batched: \`${first.filter}\` (${first.tenant_rows} rows)`
      : '- no rows',
    MODES_LINE,
    MEASURES_LINE,
    '',
    '| mode | requests | shards per search | QPS | p50 ms | p99 ms | CPU ms/query (client / coordinator / workers) | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.flatMap(tableLines),
    '',
    '| mode | recall@10 (batch) | count | tenant rows |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.mode} | ${r.recall_at_10.toFixed(4)} | ${r.count} | ${r.tenant_rows} |`),
    ...ratioLines(rows),
    ...targetSection(rows),
    ...problems(rows),
    '',
    `![QPS and shards per search, partition key against plain filter](${chartFile})`,
    '',
  ];
  return lines.join('\n');
}

function tableLines(r: TenantRow): string[] {
  const single = (what: string, stats: SingleQueryStats) =>
    `| ${r.mode} | ${what} (${stats.concurrency} in flight) | ${stats.shards_per_search.toFixed(2)} | ` +
    `${stats.qps.toFixed(0)} | ${stats.p50_ms.toFixed(2)} | ${stats.p99_ms.toFixed(2)} | ` +
    `${cpuSplit(stats.cpu_ms_per_query, stats.cpu_ms_per_query_by_role)} | ${stats.errors} |`;
  const oneHop = (stats: SingleQueryStats) => `one hop, ${(100 * stats.one_hop_share).toFixed(0)} % direct`;
  return [
    single('one query each, all tenants', r.all_tenants),
    single(`one query each, \`${r.filter}\``, r.one_tenant),
    single(`${oneHop(r.all_tenants_one_hop)}: one query each, all tenants`, r.all_tenants_one_hop),
    single(`${oneHop(r.one_tenant_one_hop)}: one query each, \`${r.filter}\``, r.one_tenant_one_hop),
    `| ${r.mode} | all ${r.queries} queries in one, \`${r.filter}\` | ${r.batch_shards_queried} | ` +
      `${r.batch_qps.toFixed(0)} | – | – | ${r.batch_cpu_ms_per_query.toFixed(3)} | – |`,
  ];
}

function cpuSplit(total: number, roles: CpuByRole): string {
  const ms = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(3));
  return `${ms(total)} (${ms(roles.client)} / ${ms(roles.coordinator)} / ${ms(roles.worker)})`;
}

function ratioLines(rows: TenantRow[]): string[] {
  const pair = tenantPair(rows);
  if (!pair) return [];
  const { keyed, plain } = pair;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return [
    '',
    `partition key ÷ plain filter: QPS over all tenants **${ratio(keyed.all_tenants.qps, plain.all_tenants.qps)}** ` +
      `(CPU per query ${ratio(keyed.all_tenants.cpu_ms_per_query, plain.all_tenants.cpu_ms_per_query)}), ` +
      `one tenant alone ${ratio(keyed.one_tenant.qps, plain.one_tenant.qps)}, batched ` +
      `${ratio(keyed.batch_qps, plain.batch_qps)}; one hop over all tenants ` +
      `**${ratio(keyed.all_tenants_one_hop.qps, plain.all_tenants_one_hop.qps)}** (CPU per query ` +
      `${ratio(keyed.all_tenants_one_hop.cpu_ms_per_query, plain.all_tenants_one_hop.cpu_ms_per_query)}), ` +
      `one tenant alone ${ratio(keyed.one_tenant_one_hop.qps, plain.one_tenant_one_hop.qps)}. ` +
      "All of one tenant's queries go to its one shard, so alone it is served by one worker while the plain " +
      'filter spreads it over all of them.',
  ];
}

function targetSection(rows: TenantRow[]): string[] {
  const verdicts = judgeTenants(rows);
  if (verdicts.length === 0) return [];
  return [
    '',
    '## Targets (reported, not enforced)',
    '',
    '| target | result | by how much |',
    '| --- | --- | --- |',
    ...verdicts.map((v) => `| ${v.target} | ${v.met ? 'met' : '**missed**'} | ${v.detail} |`),
  ];
}

/** Wrong answers, which no ratio may hide: ids of other tenants, counts that disagree, failed requests. */
function problems(rows: TenantRow[]): string[] {
  const lines = rows.flatMap((r) => {
    const out: string[] = [];
    if (r.filter_violations > 0)
      out.push(`- ${r.mode}: ${r.filter_violations} returned ids of other tenants`);
    if (r.count !== r.tenant_rows)
      out.push(`- ${r.mode}: count answered ${r.count}, the tenant has ${r.tenant_rows}`);
    const errors =
      r.one_tenant.errors + r.all_tenants.errors + r.one_tenant_one_hop.errors + r.all_tenants_one_hop.errors;
    if (errors > 0) out.push(`- ${r.mode}: ${errors} searches failed`);
    return out;
  });
  return lines.length === 0 ? [] : ['', '**Wrong answers:**', '', ...lines];
}
