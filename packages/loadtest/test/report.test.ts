import { describe, expect, it } from 'vitest';
import { errorCodeName } from '../src/metrics/error-code.js';
import { LatencyHistogram } from '../src/metrics/latency-histogram.js';
import { RunRecorder } from '../src/metrics/run-recorder.js';
import { runLatencyChart } from '../src/report/run-chart.js';
import { runReportMarkdown } from '../src/report/run-markdown.js';
import { buildRunReport } from '../src/report/run-report.js';
import type { WorkloadOptions } from '../src/workload/workload-options.js';

const workload: WorkloadOptions = {
  loop: 'closed',
  concurrency: 2,
  batchSize: 4,
  k: 10,
  nprobe: 8,
  writeShare: 0.25,
  requests: 10,
};

describe('latency histogram', () => {
  it('reports percentiles of what was recorded', () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
    const s = histogram.summary();
    expect(s.count).toBe(1000);
    // Three significant digits: each value within 0.1 % of the exact order statistic.
    expect(s.p50Ms).toBeCloseTo(500, -1);
    expect(Math.abs(s.p90Ms - 900) / 900).toBeLessThan(0.002);
    expect(Math.abs(s.p99Ms - 990) / 990).toBeLessThan(0.002);
    expect(Math.abs(s.p999Ms - 999) / 999).toBeLessThan(0.002);
    expect(Math.abs(s.maxMs - 1000) / 1000).toBeLessThan(0.002);
    expect(s.meanMs).toBeCloseTo(500.5, -1);
  });

  it('keeps sub-millisecond resolution and reports zeros when empty', () => {
    const histogram = new LatencyHistogram();
    expect(histogram.summary()).toMatchObject({ count: 0, p50Ms: 0, p999Ms: 0 });
    histogram.record(0.25);
    expect(histogram.percentileMs(50)).toBeCloseTo(0.25, 3);
  });
});

describe('error codes', () => {
  it('names client statuses, binding codes and argument errors', () => {
    expect(errorCodeName(Object.assign(new Error('late'), { code: 4, codeName: 'DEADLINE_EXCEEDED' }))).toBe(
      'DEADLINE_EXCEEDED',
    );
    expect(errorCodeName(Object.assign(new Error('bad'), { code: 'ERR_INVALID_ARGUMENT' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(errorCodeName(new RangeError('k too big'))).toBe('INVALID_ARGUMENT');
    expect(errorCodeName('something odd')).toBe('UNKNOWN');
  });
});

describe('run report', () => {
  function recorded(): RunRecorder {
    const recorder = new RunRecorder();
    recorder.recordSearch(2, 4, 1, 4 * 0.75);
    recorder.recordSearch(4, 4, 3, 4 * 1);
    recorder.recordUpsert(10, 4);
    recorder.recordError(
      Object.assign(new Error('Search: UNAVAILABLE: worker gone'), { codeName: 'UNAVAILABLE' }),
    );
    recorder.recordError(Object.assign(new Error('again'), { codeName: 'UNAVAILABLE' }));
    recorder.recordError(Object.assign(new Error('slow'), { codeName: 'DEADLINE_EXCEEDED' }));
    recorder.finish();
    return recorder;
  }

  it('carries throughput, latency percentiles, errors by code, recall and fan-out', () => {
    const report = buildRunReport(recorded(), { target: 'fake', dataset: 'tiny', workload });
    expect(report.requests).toEqual({ succeeded: 3, failed: 3, unsent: 0 });
    expect(report.errors).toEqual({
      UNAVAILABLE: { count: 2, example: 'Search: UNAVAILABLE: worker gone' },
      DEADLINE_EXCEEDED: { count: 1, example: 'slow' },
    });
    expect(report.recallAtK).toBeCloseTo(0.875);
    expect(report.shardsPerSearch).toEqual({ mean: 2, max: 3 });
    expect(report.latencyMs.search.count).toBe(2);
    expect(report.latencyMs.upsert.count).toBe(1);
    expect(report.latencyMs.all.count).toBe(3);
    expect(report.latencyMs.upsert.p50Ms).toBeCloseTo(10, 1);
    expect(report.elapsedSeconds).toBeGreaterThan(0);
    const seconds = report.elapsedSeconds;
    expect(report.throughput.queriesPerSecond).toBeCloseTo(8 / seconds, 3);
    expect(report.throughput.vectorsWrittenPerSecond).toBeCloseTo(4 / seconds, 3);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('reports no recall or fan-out when nothing was measured', () => {
    const recorder = new RunRecorder();
    recorder.recordUpsert(1, 10);
    const report = buildRunReport(recorder, { target: 'fake', dataset: 'tiny', workload });
    expect(report.recallAtK).toBeNull();
    expect(report.shardsPerSearch).toBeNull();
  });

  it('renders as a Markdown table and an SVG chart', async () => {
    const report = buildRunReport(recorded(), { target: 'fake', dataset: 'tiny', workload });
    const markdown = runReportMarkdown(report);
    expect(markdown).toContain('| latency (ms) | count | mean | p50 | p90 | p99 | p99.9 | max |');
    expect(markdown).toMatch(/\| search \| 2 \|/);
    expect(markdown).toMatch(/\| UNAVAILABLE \| 2 \| Search: UNAVAILABLE: worker gone \|/);
    expect(markdown).toContain('0.8750');
    const svg = await runLatencyChart(report);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('p99.9');
    expect(svg).toContain('upsert');
  });
});
