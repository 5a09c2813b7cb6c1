import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../report/svg-chart.js';
import { TENANT_MODES, type TenantRow } from './tenant-row.js';

/**
 * Two panels side by side: QPS of each mode, one query per request (over all
 * tenants, and for one) and batched (log scale: they differ by multiples),
 * and the shards each search asked.
 */
export function tenantChart(rows: TenantRow[], title: string): Promise<string> {
  const qps = rows.flatMap((r) => [
    { mode: r.mode, requests: 'one query each, all tenants', qps: r.all_tenants.qps },
    { mode: r.mode, requests: `one query each, ${r.filter}`, qps: r.one_tenant.qps },
    { mode: r.mode, requests: 'one hop, all tenants', qps: r.all_tenants_one_hop.qps },
    { mode: r.mode, requests: `one hop, ${r.filter}`, qps: r.one_tenant_one_hop.qps },
    { mode: r.mode, requests: `batch, ${r.filter}`, qps: r.batch_qps },
  ]);
  const shards = rows.map((r) => ({ mode: r.mode, shards: r.all_tenants.shards_per_search }));
  const mode = { field: 'mode', type: 'nominal', title: null, sort: [...TENANT_MODES] } as const;
  const spec = {
    title,
    hconcat: [
      {
        title: 'queries per second',
        data: { values: qps },
        width: 320,
        height: 260,
        mark: { type: 'bar' },
        encoding: {
          x: mode,
          xOffset: { field: 'requests', type: 'nominal' },
          y: { field: 'qps', type: 'quantitative', title: 'queries per second', scale: { type: 'log' } },
          color: { field: 'requests', type: 'nominal', title: 'requests' },
          tooltip: [{ field: 'qps', format: '.0f' }],
        },
      },
      {
        title: `shards asked per search (of ${rows[0]?.shards ?? ''})`,
        data: { values: shards },
        width: 200,
        height: 260,
        mark: { type: 'bar', color: 'gray' },
        encoding: {
          x: mode,
          y: { field: 'shards', type: 'quantitative', title: 'shards per search', scale: { domainMin: 0 } },
        },
      },
    ],
  } as TopLevelSpec;
  return renderSvg(spec);
}
