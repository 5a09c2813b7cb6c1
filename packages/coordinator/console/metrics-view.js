import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './html.js';

const CHARTS = [
  {
    title: 'Requests / s',
    series: [
      ['searchPerS', 'search'],
      ['upsertPerS', 'upsert'],
    ],
  },
  {
    title: 'Search latency (ms)',
    series: [
      ['searchP50Ms', 'p50'],
      ['searchP99Ms', 'p99'],
    ],
  },
  {
    title: 'Upsert latency (ms)',
    series: [
      ['upsertP50Ms', 'p50'],
      ['upsertP99Ms', 'p99'],
    ],
  },
  { title: 'Hedged shard reads (%)', series: [['hedgePercent', 'hedged']] },
  { title: 'Shards per search', series: [['shardsPerQuery', 'shards']] },
];

const COLOURS = ['#2563eb', '#dc2626'];

/** One small live chart: uPlot draws it once and takes new data as the points arrive. */
function Chart({ title, series, points }) {
  const box = useRef(null);
  const plot = useRef(null);
  const data = [points.map((p) => p.at / 1000), ...series.map(([key]) => points.map((p) => p[key] ?? null))];
  useEffect(() => {
    plot.current = new uPlot(
      {
        title,
        width: 380,
        height: 180,
        series: [
          {},
          ...series.map(([, label], i) => ({ label, stroke: COLOURS[i], width: 1.5, spanGaps: true })),
        ],
        axes: [{}, { size: 50 }],
      },
      data,
      box.current,
    );
    return () => plot.current.destroy();
  }, []);
  useEffect(() => plot.current?.setData(data), [points]);
  return html`<div class="chart" ref=${box}></div>`;
}

/** The coordinator's own metrics over the last minutes, one point every few seconds. */
export function MetricsView({ points }) {
  return html`
    <p class="muted">
      From this coordinator's Prometheus metrics, one point every 5 s over the last 10 minutes
      (${points.length} points so far).
    </p>
    <div class="charts">${CHARTS.map((chart) => html`<${Chart} key=${chart.title} ...${chart} points=${points} />`)}</div>
  `;
}
