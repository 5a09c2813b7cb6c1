import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../report/svg-chart.js';
import { FILTERED_MODES, type FilteredRow } from './filtered-row.js';

/** The price ranges and the unfiltered point form each mode's line; keyword filters are separate marks. */
const ON_LINE = "datum.kind == 'range' || datum.kind == 'none'";

/**
 * Per dataset, one line of two panels against selectivity (log scale, 100 % =
 * unfiltered): batch QPS per mode, and recall@10 per mode with the 0.95 bar.
 */
export function filteredChart(rows: FilteredRow[], title: string): Promise<string> {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  const spec = {
    title,
    vconcat: datasets.map((dataset) => datasetPanels(rows.filter((r) => r.dataset === dataset))),
  } as TopLevelSpec;
  return renderSvg(spec);
}

function datasetPanels(rows: FilteredRow[]): TopLevelSpec {
  const values = rows.map((r) => ({
    mode: r.mode,
    filter: r.filter,
    kind: r.filter_kind,
    selectivity: r.selectivity,
    qps: r.batch_qps,
    recall: r.recall_at_10,
  }));
  return {
    title: `${rows[0]?.dataset ?? ''}, ${rows[0]?.index ?? ''}, nprobe ${rows[0]?.nprobe ?? ''}`,
    data: { values },
    hconcat: [
      panel('batch QPS (triangles: keyword filters)', 'qps', 'queries per second (batch)', true),
      {
        ...panel('recall@10 against the exact top-10 of the matches', 'recall', 'recall@10', false),
        layer: [
          ...panel('', 'recall', 'recall@10', false).layer,
          { mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { y: { datum: 0.95 } } },
        ],
      },
    ],
  } as TopLevelSpec;
}

function panel(title: string, field: 'qps' | 'recall', axis: string, log: boolean) {
  const x = {
    field: 'selectivity',
    type: 'quantitative',
    title: 'selectivity (share of rows matching)',
    scale: { type: 'log' },
    axis: { format: '~%' },
  } as const;
  const y = {
    field,
    type: 'quantitative',
    title: axis,
    scale: log ? { type: 'log' } : { zero: false },
  } as const;
  const color = { field: 'mode', type: 'nominal', title: 'mode', sort: [...FILTERED_MODES] } as const;
  return {
    title,
    width: 340,
    height: 260,
    layer: [
      {
        transform: [{ filter: ON_LINE }],
        mark: { type: 'line', point: true },
        encoding: { x, y, color, order: { field: 'selectivity', type: 'quantitative' } },
      },
      {
        transform: [{ filter: `!(${ON_LINE})` }],
        mark: { type: 'point', shape: 'triangle-up', filled: true, size: 90 },
        encoding: { x, y, color, tooltip: [{ field: 'filter' }] },
      },
    ] as object[],
  };
}
