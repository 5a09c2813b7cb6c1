#!/usr/bin/env node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { LatencyHistogram } from './metrics/latency-histogram.js';
import { describeMachine, machineLine } from './report/machine.js';
import { markdownTable, round } from './report/markdown-table.js';
import { renderSvg } from './report/svg-chart.js';

// What a client sees while a shard worker fails: searches (closed loop) and
// upserts run against a collection with 2 copies of every shard on 3
// workers; one worker is killed (kill -9, left dead: its copies are rebuilt on
// the others after the grace) or stalled (SIGSTOP, then SIGCONT). Per second:
// search p50/p99 and errors; per run: the hedge rate and the time until every
// shard has 2 ready copies again. Each scenario runs with hedging on and off.

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50000' },
    dim: { type: 'string', default: '32' },
    nlist: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '20' },
    'event-at': { type: 'string', default: '5' },
    'stall-s': { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const n = Number(values.n);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const seconds = Number(values.seconds);
const eventAt = Number(values['event-at']);
const stallS = Number(values['stall-s']);
const concurrency = Number(values.concurrency);
const GRACE_S = 5;
const NAME = 'failover';

type Scenario = 'kill' | 'stall';

interface Second {
  scenario: Scenario;
  hedging: boolean;
  second: number;
  searches: number;
  search_errors: number;
  upserts: number;
  upsert_errors: number;
  p50_ms: number;
  p99_ms: number;
}

interface Summary {
  scenario: Scenario;
  hedging: boolean;
  searches: number;
  search_errors: number;
  upserts: number;
  upsert_errors: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** p99 during the event's window (kill: the 5 s after it; stall: while stalled). */
  event_p99_ms: number;
  /** Hedged shard reads over shard reads, as the coordinator counted them. */
  hedge_rate: number;
  /** From the event until every shard had 2 ready copies again (stall: from SIGCONT). */
  redundancy_back_s: number;
}

async function main(): Promise<void> {
  const { base, queries } = gaussianMixture({
    count: n,
    queries: 200,
    dim,
    clusters: 50,
    noise: 0.3,
    seed: 5,
  });
  const seconds: Second[] = [];
  const summaries: Summary[] = [];
  for (const scenario of ['kill', 'stall'] as const) {
    for (const hedging of [true, false]) {
      console.error(`failover-bench: ${scenario}, hedging ${hedging ? 'on' : 'off'}`);
      const run = await measure(scenario, hedging, base, queries);
      seconds.push(...run.seconds);
      summaries.push(run.summary);
    }
  }
  const table = markdownTable(summaries);
  console.log(table);
  await writeReport(seconds, summaries, table, values.out!);
}

async function measure(scenario: Scenario, hedging: boolean, base: Float32Array, queries: Float32Array) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-failover-bench-'));
  let metricsUrl: string | undefined;
  const cluster = await startLocalCluster({
    workers: 3,
    port: 0,
    dataDir,
    restartWorkers: false,
    coordinatorArgs: ['--replica-grace-s', String(GRACE_S), ...(hedging ? [] : ['--no-hedging'])],
    log: (line) => {
      metricsUrl ??= /\[coordinator\] coordinator metrics at (\S+)/.exec(line)?.[1];
    },
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 10_000, retries: 0 });
  try {
    await client.createCollection({
      name: NAME,
      dim,
      metric: 'l2',
      index: `IVF${nlist},Flat`,
      nprobe: 8,
      replicationFactor: 2,
    });
    await client.train(NAME, base.subarray(0, Math.min(n, 50 * nlist) * dim));
    for (let at = 0; at < n; at += 10_000) {
      const end = Math.min(n, at + 10_000);
      await client.upsert(
        NAME,
        BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
        base.subarray(at * dim, end * dim),
      );
    }
    const before = metricsUrl ? await hedgeCounts(metricsUrl) : undefined;
    const run = await runLoad(client, cluster, scenario, queries);
    const after = metricsUrl ? await hedgeCounts(metricsUrl) : undefined;
    const hedgeRate =
      before && after && after.reads > before.reads
        ? (after.hedged - before.hedged) / (after.reads - before.reads)
        : 0;
    const rows = run.perSecond.map((s, second) => ({ scenario, hedging, second, ...s.row() }));
    const total = new LatencyHistogram();
    const window = new LatencyHistogram();
    for (const [second, s] of run.perSecond.entries()) {
      s.copyInto(total);
      const inWindow = second >= eventAt && second < eventAt + (scenario === 'kill' ? 5 : stallS);
      if (inWindow) s.copyInto(window);
    }
    const sum = (key: keyof ReturnType<Bucket['row']>) => rows.reduce((a, r) => a + Number(r[key]), 0);
    const summary: Summary = {
      scenario,
      hedging,
      searches: sum('searches'),
      search_errors: sum('search_errors'),
      upserts: sum('upserts'),
      upsert_errors: sum('upsert_errors'),
      p50_ms: round(total.percentileMs(50)),
      p99_ms: round(total.percentileMs(99)),
      max_ms: round(total.percentileMs(100)),
      event_p99_ms: round(window.percentileMs(99)),
      hedge_rate: round(hedgeRate, 4),
      redundancy_back_s: round(run.redundancyBackS),
    };
    return { seconds: rows, summary };
  } finally {
    client.close();
    for (const worker of cluster.workers) worker.current.child.kill('SIGCONT');
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One second of the run. */
class Bucket {
  private readonly latencies = new LatencyHistogram();
  private readonly raw: number[] = [];
  searches = 0;
  searchErrors = 0;
  upserts = 0;
  upsertErrors = 0;

  search(ms: number): void {
    this.searches++;
    this.latencies.record(ms);
    this.raw.push(ms);
  }

  copyInto(histogram: LatencyHistogram): void {
    for (const ms of this.raw) histogram.record(ms);
  }

  row() {
    return {
      searches: this.searches,
      search_errors: this.searchErrors,
      upserts: this.upserts,
      upsert_errors: this.upsertErrors,
      p50_ms: round(this.latencies.percentileMs(50)),
      p99_ms: round(this.latencies.percentileMs(99)),
    };
  }
}

async function runLoad(
  client: VecshardClient,
  cluster: LocalCluster,
  scenario: Scenario,
  queries: Float32Array,
) {
  const perSecond = Array.from({ length: seconds }, () => new Bucket());
  const started = performance.now();
  const second = () => Math.min(seconds - 1, Math.floor((performance.now() - started) / 1000));
  const running = () => performance.now() - started < seconds * 1000;
  const searchers = Array.from({ length: concurrency }, async (_, c) => {
    for (let i = c; running(); i += concurrency) {
      const q = i % (queries.length / dim);
      // Counted in the second it was sent: a search held up by the event shows there.
      const bucket = perSecond[second()];
      const t = performance.now();
      try {
        await client.search(NAME, queries.subarray(q * dim, (q + 1) * dim), { k: 10 });
        bucket.search(performance.now() - t);
      } catch {
        bucket.searchErrors++;
      }
    }
  });
  const writer = (async () => {
    let next = n;
    while (running()) {
      const ids = BigInt64Array.from({ length: 100 }, (_, i) => BigInt(next + i));
      next += 100;
      try {
        await client.upsert(NAME, ids, queries.subarray(0, 100 * dim));
        perSecond[second()].upserts++;
      } catch {
        perSecond[second()].upsertErrors++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const victim = cluster.workers[1].current.child;
  const event = (async () => {
    await new Promise((resolve) => setTimeout(resolve, eventAt * 1000));
    if (scenario === 'kill') {
      victim.kill('SIGKILL');
      return waitRedundant(client, performance.now());
    }
    victim.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, stallS * 1000));
    victim.kill('SIGCONT');
    return waitRedundant(client, performance.now());
  })();
  await Promise.all([...searchers, writer]);
  const redundancyBackS = await event;
  return { perSecond, redundancyBackS };
}

/**
 * Seconds from `since` until every shard has 2 ready copies on live workers
 * again, after the cluster has noticed that some copy is not (a dead worker
 * is seen once its heartbeat lapses, a stale copy once a write misses it).
 */
async function waitRedundant(client: VecshardClient, since: number): Promise<number> {
  const redundant = async () => {
    const info = await client.getCollection(NAME).catch(() => undefined);
    return (
      info?.state === 'ready' &&
      info.placement.every((s) => s.replicas.filter((r) => r.state === 'ready').length >= 2)
    );
  };
  while (await redundant()) {
    if (performance.now() - since > 10_000) return 0; // nothing was lost
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (!(await redundant())) await new Promise((resolve) => setTimeout(resolve, 100));
  return (performance.now() - since) / 1000;
}

/** The coordinator's shard-read and hedge counters. */
async function hedgeCounts(url: string): Promise<{ reads: number; hedged: number }> {
  const text = await (await fetch(url)).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { reads: value('vecshard_replica_reads_total'), hedged: value('vecshard_hedged_reads_total') };
}

async function writeReport(rows: Second[], summaries: Summary[], table: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(
    join(dir, 'failover.json'),
    `${JSON.stringify({ machine, n, dim, nlist, summaries, seconds: rows }, null, 2)}\n`,
  );
  const markdown = [
    '# Failover: what a client sees while a shard worker fails',
    '',
    `- Generated: ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    `- ${n} × ${dim} synthetic, IVF${nlist},Flat, nprobe 8, 3 workers, 2 copies of every shard. ` +
      `${concurrency} closed-loop searchers (1 query each) and one writer (100 vectors every 50 ms) for ${seconds} s. ` +
      `At ${eventAt} s one worker is killed (kill -9, left dead; its copies are rebuilt on the others after ` +
      `--replica-grace-s ${GRACE_S}) or stalled (SIGSTOP for ${stallS} s, then SIGCONT). Deadline 10 s, no client retries.`,
    '- event_p99_ms: search p99 in the 5 s after the kill or during the stall. hedge_rate: hedged shard reads ' +
      'over shard reads. redundancy_back_s: until every shard had 2 ready copies again, from the kill or from SIGCONT.',
    '',
    table,
    '',
    '![search p99 per second](failover.svg)',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'failover.md'), markdown);
  const svg = await renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Search p99 per second (ms, log scale); errors per second below',
    data: { values: rows.map((r) => ({ ...r, run: `${r.scenario}, hedging ${r.hedging ? 'on' : 'off'}` })) },
    vconcat: [
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'second', type: 'quantitative', title: 'second of the run' },
          y: { field: 'p99_ms', type: 'quantitative', scale: { type: 'symlog' }, title: 'search p99 (ms)' },
          color: { field: 'run', type: 'nominal' },
        },
        width: 480,
        height: 220,
      },
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'second', type: 'ordinal', title: 'second of the run' },
          y: { field: 'search_errors', type: 'quantitative', title: 'search errors' },
          color: { field: 'run', type: 'nominal' },
        },
        width: 480,
        height: 80,
      },
    ],
  });
  writeFileSync(join(dir, 'failover.svg'), svg);
}

main().catch((error) => {
  console.error(`failover-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
