import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../report/svg-chart.js';
import type { BenchRow } from './bench-row.js';
import { ALL_MODES } from './suite-config.js';

/**
 * Per dataset, one line of two panels: recall@10 against batch QPS per mode
 * (the nprobe sweep), and single-query p50/p99 per nprobe.
 */
export function suiteChart(rows: BenchRow[], title: string): Promise<string> {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  const spec = {
    title,
    vconcat: datasets.map((dataset) => datasetPanels(rows.filter((r) => r.dataset === dataset))),
  } as TopLevelSpec;
  return renderSvg(spec);
}

/** The two panels of one dataset (an hconcat spec; typed by the whole chart that holds it). */
function datasetPanels(rows: BenchRow[]): TopLevelSpec {
  const latency = rows.flatMap((r) => [
    { mode: r.mode, nprobe: r.nprobe, percentile: 'p50', ms: r.single_p50_ms },
    { mode: r.mode, nprobe: r.nprobe, percentile: 'p99', ms: r.single_p99_ms },
  ]);
  const modeColor = {
    field: 'mode',
    type: 'nominal',
    title: 'mode',
    sort: [...ALL_MODES],
  } as const;
  return {
    title: `${rows[0]?.dataset ?? ''}, ${rows[0]?.index ?? ''}`,
    hconcat: [
      {
        title: 'recall@10 vs batch QPS (labels: nprobe)',
        data: {
          values: rows.map((r) => ({
            mode: r.mode,
            nprobe: r.nprobe,
            recall: r.recall_at_10,
            qps: r.batch_qps,
          })),
        },
        width: 340,
        height: 260,
        layer: [
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: { field: 'recall', type: 'quantitative', title: 'recall@10', scale: { zero: false } },
              y: {
                field: 'qps',
                type: 'quantitative',
                title: 'queries per second (batch)',
                scale: { type: 'log' },
              },
              color: modeColor,
              order: { field: 'nprobe', type: 'quantitative' },
            },
          },
          {
            mark: { type: 'text', dx: 8, dy: -8, fontSize: 10 },
            encoding: {
              x: { field: 'recall', type: 'quantitative' },
              y: { field: 'qps', type: 'quantitative', scale: { type: 'log' } },
              text: { field: 'nprobe', type: 'quantitative' },
              color: modeColor,
            },
          },
        ],
      },
      {
        title: 'single-query latency',
        data: { values: latency },
        width: 340,
        height: 260,
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'nprobe', type: 'quantitative', title: 'nprobe', scale: { type: 'log', base: 2 } },
          y: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
          color: modeColor,
          // Dash and point shape both tell p50 from p99; the legend shows the shapes.
          strokeDash: { field: 'percentile', type: 'nominal', title: 'percentile' },
          shape: { field: 'percentile', type: 'nominal', title: 'percentile' },
        },
      },
    ],
  };
}
