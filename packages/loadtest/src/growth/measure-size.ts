import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture, gaussianMixtureBatches } from '@vecshard/datasets';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { LatencyHistogram } from '../metrics/latency-histogram.js';
import { ProgressLine } from '../progress-line.js';
import { round } from '../report/markdown-table.js';
import { folderBytes, loadAverage, processMemory, redisMemory } from './observe.js';

/** How every size of the growth run is loaded and measured. */
export interface GrowthConfig {
  dim: number;
  /** The synthetic mixture (the same as the bench suite's 1M × 128 set). */
  clusters: number;
  noise: number;
  seed: number;
  workers: number;
  replicationFactor: number;
  nprobe: number;
  k: number;
  /** Vectors per upsert request, and requests in flight. */
  batchRows: number;
  inFlight: number;
  /** Training sample per list (64 × nlist, as the bench suite's 65,536 for IVF1024). */
  trainPerList: number;
  /** Queries in the batch request, and the closed-loop single searches timed (after as many warm-ups). */
  queries: number;
  batchSeconds: number;
  singles: number;
  /** The coordinator's write-log settings (--snapshot-every-mb, --log-budget-mb). */
  snapshotEveryMb: number;
  logBudgetMb: number;
  /** Where each size's data dir is made (redis AOF, snapshot store). */
  tmpDir?: string;
  /** Every line the cluster's processes print is appended here, when set. */
  clusterLog?: string;
}

/** One size of the growth run: how it was set up. */
export interface SizeSpec {
  vectors: number;
  nlist: number;
  /** FAISS codec after IVF: "Flat" (4·dim bytes a vector) or "SQ8" (dim bytes). */
  codec: 'Flat' | 'SQ8';
}

/** What one size measured (field names are the report's columns). */
export interface SizeRow {
  vectors: number;
  index: string;
  replication_factor: number;
  train_s: number;
  ingest_s: number;
  ingest_vectors_per_s: number;
  batch_qps: number;
  /** Stored-vector MB a query scans: vectors × nprobe / nlist × code bytes (lists of equal size). */
  mb_scanned_per_query: number;
  /** batch_qps × mb_scanned_per_query: what should stay flat as the data grows. */
  scan_mb_per_s: number;
  single_p50_ms: number;
  single_p99_ms: number;
  /** Resident memory of all workers after the load (VmRSS), MiB, and its peak (VmHWM). */
  workers_rss_mib: number;
  workers_peak_mib: number;
  /** Workers' resident bytes per stored copy of a vector, against its raw float32 size. */
  rss_bytes_per_vector: number;
  raw_bytes_per_vector: number;
  rss_over_raw: number;
  coordinator_rss_mib: number;
  /** Redis INFO memory used_memory after the load, its peak, and the append-only file's size. */
  redis_used_mib_after_load: number;
  redis_peak_mib: number;
  aof_mib_after_load: number;
  /** Snapshots the write-log bounds took during the load (absent in rows measured before it was counted). */
  snapshots_during_load?: number;
  snapshot_s: number;
  redis_used_mib_after_snapshot: number;
  aof_mib_after_snapshot: number;
  store_mib: number;
  /** From kill -9 of one worker (restarted by the launcher) until every shard has RF ready copies again. */
  refill_s: number | null;
  /** A stopped cluster started again on its data dir: processes up, then serving a search. */
  restart_processes_s: number;
  restart_to_serving_s: number;
  /** 1-minute load average before and after this size (the machine may be shared). */
  load_average_start: number;
  load_average_end: number;
}

const NAME = 'growth';

export async function measureSize(
  spec: SizeSpec,
  config: GrowthConfig,
  log: (line: string) => void,
): Promise<SizeRow> {
  const { dim } = config;
  const label = `${spec.vectors / 1e6}M`;
  const dataDir = mkdtempSync(join(config.tmpDir ?? tmpdir(), 'vecshard-growth-'));
  const index = `IVF${spec.nlist},${spec.codec}`;
  const loadAverageStart = loadAverage();
  const start = () =>
    startLocalCluster({
      workers: config.workers,
      port: 0,
      dataDir,
      consolePort: null,
      coordinatorArgs: [
        '--snapshot-every-mb',
        String(config.snapshotEveryMb),
        '--log-budget-mb',
        String(config.logBudgetMb),
      ],
      log: config.clusterLog ? (line) => appendFileSync(config.clusterLog!, `${line}\n`) : undefined,
    });
  let cluster: LocalCluster | undefined = await start();
  let client = new VecshardClient(cluster.address, { deadlineMs: 1_800_000 });
  try {
    await client.createCollection({
      name: NAME,
      dim,
      metric: 'l2',
      index,
      nprobe: config.nprobe,
      replicationFactor: config.replicationFactor,
    });
    const mixture = { dim, clusters: config.clusters, noise: config.noise, seed: config.seed };
    const trainRows = Math.min(spec.vectors, config.trainPerList * spec.nlist);
    const trainStarted = performance.now();
    // The sample is the base set's first rows, made on its own (the base is streamed below).
    const sample = gaussianMixtureBatches({ ...mixture, count: trainRows }, trainRows).next().value!;
    await client.train(NAME, sample);
    const trainS = (performance.now() - trainStarted) / 1000;
    log(`growth ${label}: ${index} trained on ${trainRows} vectors in ${trainS.toFixed(1)} s; loading`);

    const ingestS = await ingest(client, spec.vectors, mixture, config, label);
    const loaded = await client.getCollection(NAME);
    if (loaded.vectors !== spec.vectors)
      throw new Error(`the cluster holds ${loaded.vectors} vectors after the load, not ${spec.vectors}`);
    const workerPids = () => cluster!.pids().filter((p) => p.role === 'worker');
    const workersMemory = workerPids().map((p) => processMemory(p.pid));
    const coordinator = cluster.pids().find((p) => p.role === 'coordinator')!;
    const coordinatorRss = processMemory(coordinator.pid).rssBytes;
    const redisAfterLoad = await redisMemory(cluster.redisUrl);
    const aofAfterLoad = folderBytes(join(dataDir, 'redis'));
    const snapshotsDuringLoad = (await client.listSnapshots(NAME)).length;
    const workersRss = workersMemory.reduce((sum, m) => sum + m.rssBytes, 0);
    log(
      `growth ${label}: loaded in ${ingestS.toFixed(1)} s (${Math.round(spec.vectors / ingestS)} vectors/s); ` +
        `workers ${mib(workersRss)} MiB, Redis used_memory ${mib(redisAfterLoad.usedBytes)} MiB ` +
        `(peak ${mib(redisAfterLoad.peakBytes)}), AOF ${mib(aofAfterLoad)} MiB, ${snapshotsDuringLoad} snapshots taken`,
    );

    const queries = gaussianMixture({ ...mixture, count: 0, queries: config.queries }).queries;
    const search = await measureSearch(client, queries, config);
    const codeBytes = spec.codec === 'Flat' ? 4 * dim : dim;
    const mbScanned = (spec.vectors * Math.min(config.nprobe, spec.nlist) * codeBytes) / spec.nlist / 1e6;
    log(
      `growth ${label}: batch ${Math.round(search.batchQps)} q/s × ${mbScanned.toFixed(2)} MB/query, ` +
        `single p50 ${search.p50Ms.toFixed(2)} ms p99 ${search.p99Ms.toFixed(2)} ms`,
    );

    const snapshotStarted = performance.now();
    const job = await client.waitForJob((await client.snapshot(NAME)).id);
    if (job.state !== 'completed') throw new Error(`snapshot ${job.state}: ${job.error}`);
    const snapshotS = (performance.now() - snapshotStarted) / 1000;
    const redisAfterSnapshot = await redisMemory(cluster.redisUrl);
    const aofAfterSnapshot = folderBytes(join(dataDir, 'redis'));
    const storeBytes = folderBytes(join(dataDir, 'store'));
    log(`growth ${label}: snapshot in ${snapshotS.toFixed(1)} s; store ${mib(storeBytes)} MiB`);

    // With 2 copies the killed worker's copies are copied from their peers; with 1, rebuilt from the snapshot and log.
    const refillS = await killAndRefill(client, cluster, config.replicationFactor);
    const source = config.replicationFactor >= 2 ? 'their peers' : 'the snapshot and the write log';
    log(`growth ${label}: one worker killed; its copies refilled from ${source} in ${refillS.toFixed(1)} s`);

    client.close();
    await cluster.close();
    cluster = undefined;
    log(`growth ${label}: AOF ${mib(folderBytes(join(dataDir, 'redis')))} MiB before the restart`);
    const restartStarted = performance.now();
    cluster = await start();
    const processesS = (performance.now() - restartStarted) / 1000;
    client = new VecshardClient(cluster.address, { deadlineMs: 1_800_000 });
    await client.waitUntilLoaded(NAME);
    await client.search(NAME, queries.subarray(0, dim), { k: config.k });
    const servingS = (performance.now() - restartStarted) / 1000;
    const restarted = await client.getCollection(NAME);
    if (restarted.vectors !== spec.vectors)
      throw new Error(`the restarted cluster holds ${restarted.vectors} vectors, not ${spec.vectors}`);
    log(
      `growth ${label}: restarted: processes up in ${processesS.toFixed(1)} s, serving in ${servingS.toFixed(1)} s`,
    );

    return {
      vectors: spec.vectors,
      index,
      replication_factor: config.replicationFactor,
      train_s: round(trainS),
      ingest_s: round(ingestS),
      ingest_vectors_per_s: Math.round(spec.vectors / ingestS),
      batch_qps: round(search.batchQps, 1),
      mb_scanned_per_query: round(mbScanned, 3),
      scan_mb_per_s: round(search.batchQps * mbScanned, 1),
      single_p50_ms: round(search.p50Ms),
      single_p99_ms: round(search.p99Ms),
      workers_rss_mib: mib(workersRss),
      workers_peak_mib: mib(workersMemory.reduce((sum, m) => sum + m.peakBytes, 0)),
      rss_bytes_per_vector: round(workersRss / (spec.vectors * config.replicationFactor), 1),
      raw_bytes_per_vector: 4 * dim,
      rss_over_raw: round(workersRss / (spec.vectors * config.replicationFactor) / (4 * dim), 3),
      coordinator_rss_mib: mib(coordinatorRss),
      redis_used_mib_after_load: mib(redisAfterLoad.usedBytes),
      redis_peak_mib: mib(Math.max(redisAfterLoad.peakBytes, redisAfterSnapshot.peakBytes)),
      aof_mib_after_load: mib(aofAfterLoad),
      snapshots_during_load: snapshotsDuringLoad,
      snapshot_s: round(snapshotS),
      redis_used_mib_after_snapshot: mib(redisAfterSnapshot.usedBytes),
      aof_mib_after_snapshot: mib(aofAfterSnapshot),
      store_mib: mib(storeBytes),
      refill_s: round(refillS),
      restart_processes_s: round(processesS),
      restart_to_serving_s: round(servingS),
      load_average_start: loadAverageStart,
      load_average_end: loadAverage(),
    };
  } finally {
    client.close();
    await cluster?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Streams the base set in batches, `inFlight` upserts at a time; resolves to the seconds it took. */
async function ingest(
  client: VecshardClient,
  count: number,
  mixture: { dim: number; clusters: number; noise: number; seed: number },
  config: GrowthConfig,
  label: string,
): Promise<number> {
  const batches = gaussianMixtureBatches({ ...mixture, count }, config.batchRows);
  const progress = new ProgressLine(`growth ${label} ingest`);
  const latencies = new LatencyHistogram();
  let next = 0;
  let stored = 0;
  let requests = 0;
  const started = performance.now();
  const pump = async () => {
    for (;;) {
      const batch = batches.next();
      if (batch.done) return;
      const first = next;
      const rows = batch.value.length / mixture.dim;
      next += rows;
      const ids = BigInt64Array.from({ length: rows }, (_, i) => BigInt(first + i));
      const sent = performance.now();
      // An upsert of the same ids and vectors is safe to send again.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.upsert(NAME, ids, batch.value);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
      latencies.record(performance.now() - sent);
      stored += rows;
      requests++;
      const elapsedMs = performance.now() - started;
      progress.update(stored / count, {
        elapsedMs,
        requests,
        failed: 0,
        queriesPerSecond: (stored / elapsedMs) * 1000,
        p99Ms: latencies.percentileMs(99),
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: config.inFlight }, pump));
  } finally {
    progress.stop();
  }
  return (performance.now() - started) / 1000;
}

async function measureSearch(client: VecshardClient, queries: Float32Array, config: GrowthConfig) {
  const { dim, k, nprobe } = config;
  const count = queries.length / dim;
  // Warm-up: one batch and a round of singles, not counted.
  await client.search(NAME, queries, { k, nprobe });
  for (let i = 0; i < Math.min(count, config.singles); i++)
    await client.search(NAME, queries.subarray(i * dim, (i + 1) * dim), { k, nprobe });
  let repeats = 0;
  const batchStarted = performance.now();
  while (repeats < 50 && (repeats < 2 || performance.now() - batchStarted < config.batchSeconds * 1000)) {
    await client.search(NAME, queries, { k, nprobe });
    repeats++;
  }
  const batchQps = (repeats * count * 1000) / (performance.now() - batchStarted);
  const single = new LatencyHistogram();
  for (let i = 0; i < config.singles; i++) {
    const q = i % count;
    const sent = performance.now();
    await client.search(NAME, queries.subarray(q * dim, (q + 1) * dim), { k, nprobe });
    single.record(performance.now() - sent);
  }
  return { batchQps, p50Ms: single.percentileMs(50), p99Ms: single.percentileMs(99) };
}

/**
 * Kills one worker (kill -9; the launcher starts it again under its id) and
 * times until every shard has `copies` ready copies on live workers again:
 * the copies it held are refilled from their peers.
 */
async function killAndRefill(client: VecshardClient, cluster: LocalCluster, copies: number): Promise<number> {
  const redundant = async () => {
    const info = await client.getCollection(NAME).catch(() => undefined);
    return (
      info?.state === 'ready' &&
      info.placement.every((s) => s.replicas.filter((r) => r.state === 'ready').length >= copies)
    );
  };
  const killed = performance.now();
  cluster.workers[cluster.workers.length - 1].current.child.kill('SIGKILL');
  while (await redundant()) {
    if (performance.now() - killed > 120_000) throw new Error('the cluster never noticed the killed worker');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (!(await redundant())) await new Promise((resolve) => setTimeout(resolve, 100));
  return (performance.now() - killed) / 1000;
}

function mib(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}
