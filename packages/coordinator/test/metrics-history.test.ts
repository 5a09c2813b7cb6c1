import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MetricsHistory } from '../src/console/metrics-history.js';

describe("the console's metrics points", () => {
  it('turns the counters and histograms of an interval into rates, quantiles, hedge rate and fan-out', async () => {
    const registry = new Registry();
    const registers = [registry];
    const rpc = new Histogram({
      name: 'vecshard_rpc_duration_seconds',
      help: 'h',
      labelNames: ['method', 'code'],
      buckets: [0.001, 0.01, 0.1, 1],
      registers,
    });
    const reads = new Counter({ name: 'vecshard_replica_reads_total', help: 'h', registers });
    const hedged = new Counter({ name: 'vecshard_hedged_reads_total', help: 'h', registers });
    const shards = new Histogram({
      name: 'vecshard_search_shards',
      help: 'h',
      buckets: [1, 2, 4],
      registers,
    });
    // Before the first sample: not part of the interval.
    rpc.labels('Search', 'OK').observe(0.5);
    const history = new MetricsHistory(registry);
    await history.sample();
    for (let i = 0; i < 98; i++) rpc.labels('Search', 'OK').observe(0.005);
    rpc.labels('Search', 'UNAVAILABLE').observe(0.05);
    rpc.labels('Search', 'OK').observe(0.5);
    rpc.labels('Upsert', 'OK').observe(0.0005);
    reads.inc(200);
    hedged.inc(3);
    for (const n of [2, 4]) shards.observe(n);
    await history.sample();
    const [point] = history.all();
    expect(point.searchPerS).toBeGreaterThan(0);
    expect(point.searchP50Ms).toBe(10);
    expect(point.searchP99Ms).toBe(100);
    expect(point.upsertP99Ms).toBe(1);
    expect(point.hedgePercent).toBe(1.5);
    expect(point.shardsPerQuery).toBe(3);
  });
});
