import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTenantBench, type TenantRow, TINY_TENANTS } from '@vecshard/loadtest';
import { afterAll, expect, it } from 'vitest';

// The tenant benchmark end to end on a tiny synthetic set, against a real
// local cluster it starts. Checks the report's shape and the answers (one
// shard through the partition key, every shard without, exact within the
// tenant, the tenant's rows counted), never timings.
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-tenants-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('runs the tenant bench: the partition key asks one shard, the plain filter every shard, both exact', {
  timeout: 180_000,
}, async () => {
  const outDir = join(scratch, 'results');
  const result = await runTenantBench({ config: TINY_TENANTS, outDir, log: () => {} });
  const rows = JSON.parse(readFileSync(join(outDir, 'tenants-tiny.json'), 'utf8')) as TenantRow[];
  expect(rows).toEqual(result.rows);
  expect(rows.map((r) => r.mode)).toEqual(['partition-key', 'plain-filter']);

  const tenantRows =
    TINY_TENANTS.dataset.kind === 'synthetic' ? TINY_TENANTS.dataset.count / TINY_TENANTS.tenants : 0;
  for (const r of rows) {
    expect(r.filter).toBe("tenant == 't-7'");
    expect(r.tenant_rows).toBe(tenantRows);
    expect(r.count, r.mode).toBe(tenantRows);
    expect(r.filter_violations, r.mode).toBe(0);
    // A few hundred rows of the tenant: every shard asked searches its matches exactly.
    expect(r.recall_at_10, r.mode).toBe(1);
    expect(r.batch_qps).toBeGreaterThan(0);
    for (const stats of [r.one_tenant, r.all_tenants, r.one_tenant_one_hop, r.all_tenants_one_hop]) {
      expect(stats.errors, r.mode).toBe(0);
      expect(stats.requests).toBeGreaterThan(0);
      expect(stats.qps).toBeGreaterThan(0);
      expect(stats.cpu_ms_per_query).toBeGreaterThan(0);
    }
  }
  const [keyed, plain] = rows;
  const keyedLoads = [
    keyed.one_tenant,
    keyed.all_tenants,
    keyed.one_tenant_one_hop,
    keyed.all_tenants_one_hop,
  ];
  for (const shards of keyedLoads.map((s) => s.shards_per_search)) expect(shards).toBe(1);
  // One hop, the client asks the tenant's shard itself; every shard holds few enough to answer alone.
  for (const r of rows) {
    expect(r.all_tenants.one_hop_share, r.mode).toBe(0);
    expect(r.one_tenant_one_hop.one_hop_share, r.mode).toBe(1);
    expect(r.all_tenants_one_hop.one_hop_share, r.mode).toBe(1);
  }
  expect(keyed.batch_shards_queried).toBe(1);
  // A tenant's rows lie on every shard when rows are placed by list.
  const plainLoads = [
    plain.one_tenant,
    plain.all_tenants,
    plain.one_tenant_one_hop,
    plain.all_tenants_one_hop,
  ];
  for (const shards of plainLoads.map((s) => s.shards_per_search)) {
    expect(shards).toBe(TINY_TENANTS.shards);
  }
  expect(plain.batch_shards_queried).toBe(TINY_TENANTS.shards);

  expect(result.verdicts.map((v) => v.target)).toEqual([
    'a tenant query through the partition key asks 1 shard',
    "partition-key QPS ≥ 4× the plain filter's (one query per request, all tenants)",
    "partition-key QPS ≥ 4× the plain filter's, one hop (one query per request, all tenants, the client routing each search)",
    'exact within the tenant (recall@10 = 1)',
  ]);
  expect(result.verdicts[0].met).toBe(true);
  expect(result.verdicts[3].met).toBe(true);
  const markdown = readFileSync(join(outDir, 'tenants-tiny.md'), 'utf8');
  expect(markdown).toContain('| partition-key | one query each, all tenants (4 in flight) | 1.00 |');
  expect(markdown).toContain('| plain-filter | one query each, all tenants (4 in flight) | 4.00 |');
  expect(markdown).toContain(
    '| partition-key | one hop, 100 % direct: one query each, all tenants (4 in flight) | 1.00 |',
  );
  expect(markdown).toContain('| partition-key | 1.0000 | 400 | 400 |');
  expect(markdown).toContain('## Targets');
  expect(markdown).toContain('![QPS and shards per search');
  expect(markdown).not.toContain('Wrong answers');
  expect(readFileSync(join(outDir, 'tenants-tiny.svg'), 'utf8').startsWith('<svg')).toBe(true);
});
