#!/usr/bin/env node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CollectionDescription, VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { FaissIndex } from '@vecshard/faiss';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { writeClusterSizeReport } from './cluster-size/cluster-size-report.js';
import type { ClusterSizeRow } from './cluster-size/cluster-size-row.js';
import { processCpuMs, processesCpuMs, processesWakeups, processWakeups } from './cluster-size/proc-cpu.js';
import { commandRates, redisCounts } from './cluster-size/redis-info.js';
import { LatencyHistogram } from './metrics/latency-histogram.js';
import { expectedShardsPerQuery } from './metrics/shards-per-query.js';
import { round } from './report/markdown-table.js';

// `npm run bench:cluster-size` (issue 25, target 6): one cluster per worker
// count (default 4, 16, 64), each worker its own process on one FAISS thread,
// as `vecshard up --workers N --threads 1` starts them, holding a tiny
// collection (20k × 32, IVF256,Flat, 2 copies of every shard, one shard per
// worker). Per cluster, in this order:
//   1. idle: the coordinator's, the workers' and Redis's CPU and Redis's
//      commands per second (INFO commandstats deltas) over --idle-s seconds;
//   2. queries: one-query searches through the coordinator (CPU per query,
//      shards asked, top-k against one FAISS IVF index of the same quantizer
//      and nprobe), then batches;
//   3. a joining worker: one more worker process starts, and a Rebalance gives
//      it its share (the job's time);
//   4. a lost copy: one worker is killed (kill -9, left dead); the time until
//      every shard has 2 ready copies on live workers again, searches checked
//      meanwhile.
// The rows and the exponents fitted against the worker count go under
// `workers` in bench/results/growth.json (other keys kept), a section of
// growth.md between markers, and growth-workers.svg.

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '4,16,64' },
    n: { type: 'string', default: '20000' },
    dim: { type: 'string', default: '32' },
    nlist: { type: 'string', default: '256' },
    nprobe: { type: 'string', default: '16' },
    k: { type: 'string', default: '10' },
    'idle-s': { type: 'string', default: '20' },
    'settle-s': { type: 'string', default: '10' },
    singles: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    batch: { type: 'string', default: '200' },
    batches: { type: 'string', default: '10' },
    'grace-s': { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results' },
    note: { type: 'string' },
    /** Only render growth.md and the chart again from the rows already in <out>/growth.json. */
    'report-only': { type: 'boolean', default: false },
  },
});
const workerCounts = values.workers!.split(',').map(Number);
const N = Number(values.n);
const DIM = Number(values.dim);
const NLIST = Number(values.nlist);
const NPROBE = Number(values.nprobe);
const K = Number(values.k);
const IDLE_S = Number(values['idle-s']);
const SETTLE_S = Number(values['settle-s']);
const SINGLES = Number(values.singles);
const CONCURRENCY = Number(values.concurrency);
const BATCH = Number(values.batch);
const BATCHES = Number(values.batches);
const GRACE_S = Number(values['grace-s']);
const RF = 2;
/** Worker processes started at once. */
const START_AT_ONCE = 8;
const NAME = 'growth';

export const SETUP = {
  vectors: N,
  dim: DIM,
  index: `IVF${NLIST},Flat`,
  nprobe: NPROBE,
  k: K,
  replication_factor: RF,
  placement: 'locality',
  threads_per_worker: 1,
  idle_s: IDLE_S,
  single_queries: SINGLES,
  single_concurrency: CONCURRENCY,
  batch_queries: BATCH * BATCHES,
  batch_size: BATCH,
  replica_grace_s: GRACE_S,
};

const log = (line: string) => console.error(`cluster-size-bench: ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (values['report-only']) {
    const stored = JSON.parse(readFileSync(join(values.out!, 'growth.json'), 'utf8')).workers;
    await writeClusterSizeReport(stored.rows, stored.setup, values.out!, values.note ?? stored.note, stored);
    return;
  }
  const { base, queries } = gaussianMixture({
    count: N,
    queries: Math.max(SINGLES, BATCH * BATCHES),
    dim: DIM,
    clusters: 100,
    noise: 0.3,
    seed: 25,
  });
  const rows: ClusterSizeRow[] = [];
  for (const workers of workerCounts) {
    log(`${workers} workers`);
    const row = await measure(workers, base, queries);
    log(JSON.stringify(row));
    rows.push(row);
  }
  await writeClusterSizeReport(rows, SETUP, values.out!, values.note);
}

async function measure(workers: number, base: Float32Array, queries: Float32Array): Promise<ClusterSizeRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-cluster-size-bench-'));
  const started = performance.now();
  const cluster = await startLocalCluster({
    workers: Math.min(workers, START_AT_ONCE),
    port: 0,
    dataDir,
    threads: 1,
    restartWorkers: false,
    coordinatorArgs: ['--replica-grace-s', String(GRACE_S)],
  });
  // The rest join a few at a time: 64 Node processes starting at once on 2 cores outlast the launcher's ready wait.
  while (cluster.workers.length < workers) {
    const batch = Math.min(START_AT_ONCE, workers - cluster.workers.length);
    await Promise.all(Array.from({ length: batch }, () => cluster.addWorker()));
  }
  await waitForWorkers(cluster, workers);
  log(`${workers} workers up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    await client.createCollection({
      name: NAME,
      dim: DIM,
      metric: 'l2',
      index: `IVF${NLIST},Flat`,
      nprobe: NPROBE,
      replicationFactor: RF,
    });
    await client.train(NAME, base);
    for (let at = 0; at < N; at += 5000) {
      const end = Math.min(N, at + 5000);
      await client.upsert(
        NAME,
        BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
        base.subarray(at * DIM, end * DIM),
      );
    }
    const info = await client.getCollection(NAME, { includeTemplate: true });
    const reference = await referenceIndex(info, base);

    // 1. Idle.
    await sleep(SETTLE_S * 1000);
    const idle = await idlePhase(cluster);
    log(`idle: ${JSON.stringify(idle)}`);

    // 2. Queries.
    // CPU per query is net of what the same processes burn idle over the phase.
    const idleRates = {
      coordinator: idle.coordinator_idle_cpu_ms_per_s,
      workers: idle.worker_idle_cpu_ms_per_s * workers,
    };
    const singles = await singlesPhase(client, cluster, queries, reference, idleRates);
    const batches = await batchPhase(client, cluster, queries, reference, idleRates);
    const expected = await expectedShardsPerQuery(
      info.template!,
      info.placement,
      queries.subarray(0, SINGLES * DIM),
      NLIST,
      NPROBE,
    );

    // 3. A joining worker.
    const joined = await joinPhase(client, cluster, workers);
    const afterJoin = await exactness(client, queries.subarray(0, 200 * DIM), reference);

    // 4. A lost copy.
    const refill = await refillPhase(client, cluster, queries.subarray(0, 50 * DIM), reference);
    return {
      workers,
      // Other work on the machine meanwhile shows here (the 1-minute load average at the end).
      load_average: round(loadavg()[0], 1),
      shards: info.placement.length,
      copies: info.placement.reduce((sum, s) => sum + s.replicas.length, 0),
      ...idle,
      ...singles,
      ...batches,
      shards_per_query_expected: round(expected, 3),
      ...joined,
      exact_after_rebalance: afterJoin,
      ...refill,
    };
  } finally {
    client.close();
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Until the coordinator sees every worker alive (a collection is spread over the live ones). */
async function waitForWorkers(cluster: LocalCluster, workers: number): Promise<void> {
  const client = new VecshardClient(cluster.address);
  try {
    for (;;) {
      const status = await client.clusterStatus();
      if (status.workers.filter((w) => w.alive).length >= workers) return;
      await sleep(200);
    }
  } finally {
    client.close();
  }
}

function pidsOf(cluster: LocalCluster) {
  const pids = cluster.pids();
  return {
    coordinator: pids.find((p) => p.role === 'coordinator')!.pid,
    workers: pids.filter((p) => p.role === 'worker').map((p) => p.pid),
  };
}

async function idlePhase(cluster: LocalCluster) {
  const pids = pidsOf(cluster);
  const before = {
    coordinator: processCpuMs(pids.coordinator)!,
    workers: processesCpuMs(pids.workers),
    coordinatorWakeups: processWakeups(pids.coordinator),
    workerWakeups: processesWakeups(pids.workers),
    redis: await redisCounts(cluster.redisUrl),
    at: performance.now(),
  };
  await sleep(IDLE_S * 1000);
  const redis = await redisCounts(cluster.redisUrl);
  const seconds = (performance.now() - before.at) / 1000;
  const coordinator = (processCpuMs(pids.coordinator)! - before.coordinator) / seconds;
  const workersCpu = (processesCpuMs(pids.workers) - before.workers) / seconds;
  const coordinatorWakeups = (processWakeups(pids.coordinator) - before.coordinatorWakeups) / seconds;
  const workerWakeups = (processesWakeups(pids.workers) - before.workerWakeups) / seconds;
  const rates = commandRates(before.redis, redis, seconds);
  const workers = pids.workers.length;
  const byCommand = Object.fromEntries(
    Object.entries(rates.byCommand)
      .sort((a, b) => b[1] - a[1])
      .map(([command, rate]) => [command, round(rate, 3)]),
  );
  return {
    coordinator_idle_cpu_ms_per_s: round(coordinator, 3),
    coordinator_idle_cpu_ms_per_s_per_worker: round(coordinator / workers, 3),
    worker_idle_cpu_ms_per_s: round(workersCpu / workers, 3),
    coordinator_idle_wakeups_per_s: round(coordinatorWakeups, 1),
    worker_idle_wakeups_per_s: round(workerWakeups / workers, 2),
    redis_idle_cpu_ms_per_s: round(((redis.cpuS - before.redis.cpuS) * 1000) / seconds, 3),
    redis_idle_commands_per_s: round(rates.total, 2),
    redis_idle_commands_per_s_per_worker: round(rates.total / workers, 3),
    redis_idle_commands_by_command: byCommand,
  };
}

/** One FAISS IVF index with the collection's trained quantizer, holding every base vector under its row number. */
async function referenceIndex(info: CollectionDescription, base: Float32Array): Promise<FaissIndex> {
  const index = await FaissIndex.deserialize(info.template!, 'l2');
  await index.add(
    base,
    BigInt64Array.from({ length: base.length / DIM }, (_, i) => BigInt(i)),
  );
  return index;
}

/**
 * Whether a cluster answer is the reference's: the same ids per query, or,
 * where ids differ, the same distances (ties may be broken either way).
 */
function sameTopK(
  got: { ids: BigInt64Array; distances: Float32Array },
  want: { labels: BigInt64Array; distances: Float32Array },
  q: number,
): boolean {
  const ids = new Set(Array.from(want.labels.subarray(q * K, (q + 1) * K)));
  if (Array.from(got.ids.subarray(q * K, (q + 1) * K)).every((id) => ids.has(id))) return true;
  for (let i = q * K; i < (q + 1) * K; i++) {
    const a = got.distances[i];
    const b = want.distances[i];
    if (Math.abs(a - b) > 1e-4 * Math.max(1, Math.abs(b))) return false;
  }
  return true;
}

async function exactness(client: VecshardClient, queries: Float32Array, reference: FaissIndex) {
  const got = await client.search(NAME, queries, { k: K });
  const want = await reference.search(queries, K, { nprobe: NPROBE });
  const nq = queries.length / DIM;
  let exact = 0;
  for (let q = 0; q < nq; q++) if (sameTopK(got, want, q)) exact++;
  return round(exact / nq, 4);
}

async function singlesPhase(
  client: VecshardClient,
  cluster: LocalCluster,
  queries: Float32Array,
  reference: FaissIndex,
  idle: { coordinator: number; workers: number },
) {
  const want = await reference.search(queries.subarray(0, SINGLES * DIM), K, { nprobe: NPROBE });
  // Warm the channels to every worker first.
  for (let q = 0; q < 50; q++) await client.search(NAME, queries.subarray(q * DIM, (q + 1) * DIM), { k: K });
  const pids = pidsOf(cluster);
  const coordinatorBefore = processCpuMs(pids.coordinator)!;
  const workersBefore = processesCpuMs(pids.workers);
  const latencies = new LatencyHistogram();
  let shards = 0;
  let exact = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let q = next++; q < SINGLES; q = next++) {
        const t = performance.now();
        const got = await client.search(NAME, queries.subarray(q * DIM, (q + 1) * DIM), { k: K });
        latencies.record(performance.now() - t);
        shards += got.shardsQueried;
        const one = {
          labels: want.labels.subarray(q * K, (q + 1) * K),
          distances: want.distances.subarray(q * K, (q + 1) * K),
        };
        if (sameTopK(got, one, 0)) exact++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const coordinator = processCpuMs(pids.coordinator)! - coordinatorBefore;
  const workersCpu = processesCpuMs(pids.workers) - workersBefore;
  const coordinatorNet = Math.max(0, coordinator - idle.coordinator * seconds);
  const workersNet = Math.max(0, workersCpu - idle.workers * seconds);
  return {
    coordinator_cpu_ms_per_query: round(coordinatorNet / SINGLES, 4),
    coordinator_cpu_ms_per_query_gross: round(coordinator / SINGLES, 4),
    cluster_cpu_ms_per_query: round((coordinatorNet + workersNet) / SINGLES, 4),
    single_qps: Math.round(SINGLES / seconds),
    single_p50_ms: round(latencies.percentileMs(50)),
    single_p99_ms: round(latencies.percentileMs(99)),
    shards_per_query: round(shards / SINGLES, 3),
    exact_fraction: round(exact / SINGLES, 4),
  };
}

async function batchPhase(
  client: VecshardClient,
  cluster: LocalCluster,
  queries: Float32Array,
  reference: FaissIndex,
  idle: { coordinator: number },
) {
  const pids = pidsOf(cluster);
  const coordinatorBefore = processCpuMs(pids.coordinator)!;
  let exact = 0;
  const started = performance.now();
  const answers = [];
  for (let b = 0; b < BATCHES; b++) {
    const slice = queries.subarray(b * BATCH * DIM, (b + 1) * BATCH * DIM);
    answers.push({ slice, got: await client.search(NAME, slice, { k: K }) });
  }
  const seconds = (performance.now() - started) / 1000;
  const coordinator = processCpuMs(pids.coordinator)! - coordinatorBefore;
  for (const { slice, got } of answers) {
    const want = await reference.search(slice, K, { nprobe: NPROBE });
    for (let q = 0; q < BATCH; q++) if (sameTopK(got, want, q)) exact++;
  }
  return {
    coordinator_cpu_ms_per_query_batched: round(
      Math.max(0, coordinator - idle.coordinator * seconds) / (BATCH * BATCHES),
      4,
    ),
    batch_qps: Math.round((BATCH * BATCHES) / seconds),
    exact_fraction_batched: round(exact / (BATCH * BATCHES), 4),
  };
}

async function joinPhase(client: VecshardClient, cluster: LocalCluster, workers: number) {
  const worker = await cluster.addWorker();
  const id = worker.current.name;
  for (;;) {
    const status = await client.clusterStatus();
    if (status.workers.some((w) => w.id === id && w.alive)) break;
    await sleep(100);
  }
  const started = performance.now();
  const job = await client.rebalance(NAME);
  const done = await client.waitForJob(job.id);
  const wallS = (performance.now() - started) / 1000;
  const result = (done.result ?? {}) as { listsMoved?: number };
  const after = await client.getCollection(NAME);
  const joined = after.placement.find((s) => s.replicas.some((r) => r.workerId === id));
  return {
    rebalance_s: round(wallS, 3),
    rebalance_lists_moved: result.listsMoved ?? -1,
    joined_worker_lists: joined?.lists.length ?? 0,
    shards_after_join: after.placement.length,
    workers_after_join: workers + 1,
  };
}

async function refillPhase(
  client: VecshardClient,
  cluster: LocalCluster,
  queries: Float32Array,
  reference: FaissIndex,
) {
  const victim = cluster.workers[1];
  const victimId = victim.current.name;
  const want = await reference.search(queries, K, { nprobe: NPROBE });
  const nq = queries.length / DIM;
  const lost = (await client.getCollection(NAME)).placement.filter((s) =>
    s.replicas.some((r) => r.workerId === victimId),
  ).length;
  const redundant = (info: CollectionDescription) =>
    info.state === 'ready' &&
    info.placement.every(
      (s) => s.replicas.filter((r) => r.state === 'ready' && r.workerId !== victimId).length >= RF,
    );
  victim.expectExit();
  const killedAt = performance.now();
  victim.current.child.kill('SIGKILL');
  let searches = 0;
  let failed = 0;
  let inexact = 0;
  let replacedS: number | undefined;
  let jobId: string | undefined;
  for (;;) {
    try {
      const got = await client.search(NAME, queries, { k: K, deadlineMs: 10_000 });
      searches++;
      for (let q = 0; q < nq; q++) if (!sameTopK(got, want, q)) inexact++;
    } catch {
      searches++;
      failed++;
    }
    const info = await client.getCollection(NAME);
    jobId ??= info.loadingJob || undefined;
    // The victim's copies re-placed on live workers (a recover job took them on).
    if (
      replacedS === undefined &&
      !info.placement.some((s) => s.replicas.some((r) => r.workerId === victimId))
    )
      replacedS = (performance.now() - killedAt) / 1000;
    if (redundant(info)) break;
    if (performance.now() - killedAt > 300_000) throw new Error('the lost copies were not refilled in 300 s');
    await sleep(100);
  }
  const refillS = (performance.now() - killedAt) / 1000;
  let jobS: number | undefined;
  if (jobId) {
    const job = await client.getJob(jobId).catch(() => undefined);
    if (job?.finishedAtMs && job.createdAtMs) jobS = (job.finishedAtMs - job.createdAtMs) / 1000;
  }
  return {
    copies_lost: lost,
    refill_s: round(refillS, 3),
    refill_replaced_s: replacedS === undefined ? null : round(replacedS, 3),
    refill_job_s: jobS === undefined ? null : round(jobS, 3),
    searches_during_refill: searches,
    failed_searches_during_refill: failed,
    inexact_queries_during_refill: inexact,
  };
}

main().catch((error) => {
  console.error(`cluster-size-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
