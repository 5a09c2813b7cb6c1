import { renderSvg } from '@vecshard/loadtest/svg-chart';
import type { TopLevelSpec } from 'vega-lite';
import type { FaultEvent } from './fault-event.js';

/**
 * Acknowledged operations per second over the run, with each fault's window
 * (injection to heal) shaded and named: the dips and how fast they close.
 */
export function throughputChart(
  perSecond: readonly number[],
  events: readonly FaultEvent[],
  originMs: number,
): Promise<string> {
  const seconds = perSecond.map((ok, second) => ({ second, ok }));
  const windows = events.map((event) => ({
    nemesis: event.nemesis,
    from: (event.injectedMs - originMs) / 1000,
    to: Math.max((event.healedMs - originMs) / 1000, (event.injectedMs - originMs) / 1000 + 0.5),
  }));
  const top = Math.max(1, ...perSecond);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Acknowledged operations per second; faults shaded from injection to heal',
    width: 900,
    height: 260,
    layer: [
      {
        data: { values: windows },
        mark: { type: 'rect', color: '#d62728', opacity: 0.18 },
        encoding: {
          x: { field: 'from', type: 'quantitative' },
          x2: { field: 'to' },
        },
      },
      {
        data: { values: windows },
        mark: { type: 'text', angle: 270, align: 'right', baseline: 'top', dx: -4, dy: 2, fontSize: 9 },
        encoding: {
          x: { field: 'from', type: 'quantitative' },
          y: { datum: top },
          text: { field: 'nemesis' },
        },
      },
      {
        data: { values: seconds },
        mark: { type: 'line', interpolate: 'step-after', color: '#1f77b4' },
        encoding: {
          x: { field: 'second', type: 'quantitative', title: 'second of the run' },
          y: { field: 'ok', type: 'quantitative', title: 'acknowledged operations / s' },
        },
      },
    ],
  };
  return renderSvg(spec);
}
