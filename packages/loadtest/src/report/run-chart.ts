import type { TopLevelSpec } from 'vega-lite';
import type { RunReport } from './run-report.js';
import { renderSvg } from './svg-chart.js';

/** Latency percentiles of a run (search and upsert side by side) as an SVG bar chart. */
export function runLatencyChart(report: RunReport): Promise<string> {
  const values = (['search', 'upsert'] as const).flatMap((kind) => {
    const s = report.latencyMs[kind];
    if (s.count === 0) return [];
    return [
      { kind, percentile: 'p50', ms: s.p50Ms },
      { kind, percentile: 'p90', ms: s.p90Ms },
      { kind, percentile: 'p99', ms: s.p99Ms },
      { kind, percentile: 'p99.9', ms: s.p999Ms },
    ];
  });
  const spec: TopLevelSpec = {
    title: `${report.target}: latency percentiles (${report.dataset})`,
    data: { values },
    mark: 'bar',
    width: 360,
    height: 220,
    encoding: {
      x: { field: 'percentile', type: 'ordinal', sort: ['p50', 'p90', 'p99', 'p99.9'], title: null },
      xOffset: { field: 'kind' },
      y: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
      color: { field: 'kind', type: 'nominal', title: 'request' },
      tooltip: [{ field: 'ms', type: 'quantitative', format: '.2f' }],
    },
  };
  return renderSvg(spec);
}
