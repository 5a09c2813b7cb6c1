import * as hdr from 'hdr-histogram-js';

/** The percentiles every report carries. */
export const REPORTED_PERCENTILES = [50, 90, 99, 99.9] as const;

export interface LatencySummary {
  count: number;
  meanMs: number;
  maxMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
}

/**
 * Request latencies in an HDR histogram (microsecond resolution, three
 * significant digits): constant memory however long the run, and exact
 * enough at the tail to report p99.9.
 */
export class LatencyHistogram {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60 * 60 * 1_000_000,
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  });

  record(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** Latency at a percentile (0–100), ms. */
  percentileMs(percentile: number): number {
    if (this.count === 0) return 0;
    // A percentile is reported as its bucket's upper edge, which can lie just above the largest value seen.
    return Math.min(this.histogram.getValueAtPercentile(percentile), this.histogram.maxValue) / 1000;
  }

  summary(): LatencySummary {
    const empty = this.count === 0;
    return {
      count: this.count,
      meanMs: empty ? 0 : this.histogram.mean / 1000,
      maxMs: empty ? 0 : this.histogram.maxValue / 1000,
      p50Ms: this.percentileMs(50),
      p90Ms: this.percentileMs(90),
      p99Ms: this.percentileMs(99),
      p999Ms: this.percentileMs(99.9),
    };
  }
}
