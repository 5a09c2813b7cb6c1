import type { Registry } from 'prom-client';

/** One point of the console's live charts: rates and latencies over the interval before `at`. */
export interface MetricsPoint {
  at: number;
  searchPerS: number;
  upsertPerS: number;
  searchP50Ms?: number;
  searchP99Ms?: number;
  upsertP50Ms?: number;
  upsertP99Ms?: number;
  /** Shard reads also sent to a second copy, of all shard reads, %. */
  hedgePercent?: number;
  shardsPerQuery?: number;
}

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];
type Sample = { labels: Record<string, string | number>; value: number; metricName?: string };
type Totals = Map<string, number>;

/**
 * The coordinator's own Prometheus numbers, sampled every few seconds and
 * turned into the points the console charts: request rates, p50/p99 from
 * the latency histograms' bucket counts, the hedge rate and the fan-out.
 * Keeps the last `keep` points (ten minutes at the default 5 s).
 */
export class MetricsHistory {
  private readonly points: MetricsPoint[] = [];
  private last?: { at: number; totals: Totals };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly registry: Registry,
    private readonly everyMs = 5000,
    private readonly keep = 120,
  ) {}

  start(): void {
    void this.sample();
    this.timer = setInterval(() => void this.sample(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  all(): MetricsPoint[] {
    return [...this.points];
  }

  async sample(): Promise<void> {
    const totals = flatten(await this.registry.getMetricsAsJSON());
    const at = Date.now();
    if (this.last) {
      const delta = (key: string) => (totals.get(key) ?? 0) - (this.last!.totals.get(key) ?? 0);
      const seconds = Math.max(0.001, (at - this.last.at) / 1000);
      this.points.push(pointFrom(at, seconds, delta, totals));
      if (this.points.length > this.keep) this.points.shift();
    }
    this.last = { at, totals };
  }
}

const RPC = 'vecshard_rpc_duration_seconds';

function pointFrom(at: number, seconds: number, delta: (key: string) => number, now: Totals): MetricsPoint {
  const count = (method: string) => delta(`${RPC}_count|${method}`);
  const reads = delta('vecshard_replica_reads_total');
  const searches = delta('vecshard_search_shards_count');
  return {
    at,
    searchPerS: count('Search') / seconds,
    upsertPerS: count('Upsert') / seconds,
    searchP50Ms: quantileMs(delta, now, 'Search', 0.5),
    searchP99Ms: quantileMs(delta, now, 'Search', 0.99),
    upsertP50Ms: quantileMs(delta, now, 'Upsert', 0.5),
    upsertP99Ms: quantileMs(delta, now, 'Upsert', 0.99),
    hedgePercent: reads > 0 ? (100 * delta('vecshard_hedged_reads_total')) / reads : undefined,
    shardsPerQuery: searches > 0 ? delta('vecshard_search_shards_sum') / searches : undefined,
  };
}

/** The quantile of one method's calls in the interval, from the bucket counts (the bucket's upper bound). */
function quantileMs(
  delta: (key: string) => number,
  now: Totals,
  method: string,
  q: number,
): number | undefined {
  const bounds = [...now.keys()]
    .filter((key) => key.startsWith(`${RPC}_bucket|${method}|`))
    .map((key) => Number(key.split('|')[2]))
    .filter((le) => Number.isFinite(le))
    .sort((a, b) => a - b);
  const total = delta(`${RPC}_count|${method}`);
  if (total <= 0) return undefined;
  for (const le of bounds) if (delta(`${RPC}_bucket|${method}|${le}`) >= q * total) return le * 1000;
  return bounds.at(-1) === undefined ? undefined : bounds.at(-1)! * 1000;
}

/**
 * Sums each series over the labels the charts do not tell apart: RPC series
 * by method (and bucket bound), every other counter or histogram as a whole.
 */
function flatten(metrics: MetricJson[]): Totals {
  const totals: Totals = new Map();
  const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);
  for (const metric of metrics) {
    for (const sample of metric.values as Sample[]) {
      const name = sample.metricName ?? metric.name;
      if (metric.name === RPC) {
        const le = sample.labels.le === undefined ? '' : `|${sample.labels.le}`;
        add(`${name}|${sample.labels.method}${le}`, sample.value);
      } else if (!('le' in sample.labels)) add(name, sample.value);
    }
  }
  return totals;
}
