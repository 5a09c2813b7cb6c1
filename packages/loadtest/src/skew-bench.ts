#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CollectionDescription, VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { FaissIndex } from '@vecshard/faiss';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { processCpuMs } from './metrics/process-cpu.js';
import { describeMachine, machineLine } from './report/machine.js';
import { round } from './report/markdown-table.js';
import { bucketByList, queriesByListLaw } from './skew/list-queries.js';
import { writeSkewReport } from './skew/skew-report.js';
import type { SkewPhase, SkewResult } from './skew/skew-row.js';

// Hot lists (issue 25, target 5): the synthetic set (a 256-component
// Gaussian mixture, 128 dims) in IVF<nlist>,Flat under locality placement,
// one shard per worker, each worker on one FAISS thread, searched in batches
// by two loads of the same size and nprobe: queries whose nearest list is
// drawn uniformly over the lists, and drawn by Zipf(1.1) rank over them.
// Phases: uniform, Zipf (the placement as built), a Rebalance (which then
// weighs lists by the probes it counted), Zipf again, uniform again.

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '2,4' },
    count: { type: 'string', default: '200000' },
    nlist: { type: 'string', default: '256' },
    nprobe: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '500' },
    'in-flight': { type: 'string', default: '2' },
    exponent: { type: 'string', default: '1.1' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const DIM = 128;
const COUNT = Number(values.count);
const NLIST = Number(values.nlist);
const NPROBE = Number(values.nprobe);
const SECONDS = Number(values.seconds);
const BATCH = Number(values.batch);
const IN_FLIGHT = Number(values['in-flight']);
const EXPONENT = Number(values.exponent);
/** Queries per load: cycled through for the phase's seconds. */
const QUERIES = 20_000;
/** Zipf answers compared before and after the Rebalance. */
const COMPARED = 1000;

async function main(): Promise<void> {
  const { base, queries: pool } = gaussianMixture({
    count: COUNT,
    queries: 100_000,
    dim: DIM,
    clusters: 256,
    noise: 1.75,
    seed: 1,
  });
  const results: SkewResult[] = [];
  const phases: SkewPhase[] = [];
  for (const workers of values.workers!.split(',').map(Number)) {
    console.error(`skew-bench: ${workers} workers`);
    const measured = await measure(workers, base, pool);
    results.push(measured.result);
    phases.push(...measured.phases);
  }
  await writeSkewReport(values.out!, results, phases, {
    count: COUNT,
    nlist: NLIST,
    nprobe: NPROBE,
    seconds: SECONDS,
    batch: BATCH,
    inFlight: IN_FLIGHT,
    exponent: EXPONENT,
  });
}

async function measure(workers: number, base: Float32Array, pool: Float32Array) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-skew-bench-'));
  // A short half-life: the Rebalance weighs the Zipf phase just measured, not the uniform one before it.
  const cluster = await startLocalCluster({
    workers,
    port: 0,
    dataDir,
    storeUrl: null,
    threads: 1,
    consolePort: null,
    coordinatorArgs: ['--query-load-half-life-s', '3'],
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    await load(client, base);
    const info = await client.getCollection('s', { includeTemplate: true });
    const quantizer = await FaissIndex.deserialize(info.template!, 'l2');
    const buckets = bucketByList((await quantizer.assign(pool, 1)).lists, NLIST);
    const uniform = queriesByListLaw(pool, DIM, buckets, { kind: 'uniform' }, QUERIES, 7);
    const zipf = queriesByListLaw(pool, DIM, buckets, { kind: 'zipf', exponent: EXPONENT }, QUERIES, 7);
    const sizes = new Float64Array(NLIST);
    for (const list of (await quantizer.assign(base, 1)).lists) sizes[Number(list)]++;
    const probes = {
      uniform: (await quantizer.assign(uniform.queries, NPROBE)).lists,
      zipf: (await quantizer.assign(zipf.queries, NPROBE)).lists,
    };
    const phase = async (name: string, law: 'uniform' | 'zipf') => {
      const placement = (await client.getCollection('s')).placement;
      const qps = await batchPhase(client, cluster, law === 'zipf' ? zipf.queries : uniform.queries);
      const row: SkewPhase = {
        workers,
        phase: name,
        batch_qps: Math.round(qps.qps),
        shards_per_query: round(shardsPerQuery(placement, probes[law])),
        max_over_mean_query_load: round(queryLoadSkew(placement, probes[law], sizes), 3),
        worker_cpu: qps.workerCpu.map((c) => round(c, 3)),
        coordinator_cpu: round(qps.coordinatorCpu, 3),
        max_over_mean_vectors: round(vectorSkew(await client.getCollection('s')), 3),
      };
      console.error(`skew-bench: ${JSON.stringify(row)}`);
      return row;
    };
    const uniformBefore = await phase('uniform', 'uniform');
    const zipfBefore = await phase('zipf, before', 'zipf');
    const compared = zipf.queries.subarray(0, COMPARED * DIM);
    const answersBefore = await client.search('s', compared, { k: 10 });
    const job = await client.rebalance('s');
    const done = await client.waitForJob(job.id);
    console.error(`skew-bench: rebalance ${JSON.stringify(done.result)}`);
    const answersAfter = await client.search('s', compared, { k: 10 });
    const zipfAfter = await phase('zipf, after Rebalance', 'zipf');
    const uniformAfter = await phase('uniform, after Rebalance', 'uniform');
    let changed = 0;
    for (let q = 0; q < COMPARED; q++) {
      for (let r = 0; r < 10; r++) {
        if (answersBefore.ids[q * 10 + r] !== answersAfter.ids[q * 10 + r]) {
          changed++;
          break;
        }
      }
    }
    const result: SkewResult = {
      suite: 'skew',
      workers,
      nlist: NLIST,
      nprobe: NPROBE,
      zipf_exponent: EXPONENT,
      skew_qps_ratio: round(zipfAfter.batch_qps / uniformBefore.batch_qps, 3),
      skew_qps_ratio_before: round(zipfBefore.batch_qps / uniformBefore.batch_qps, 3),
      uniform_qps: uniformBefore.batch_qps,
      zipf_qps_before: zipfBefore.batch_qps,
      zipf_qps_after: zipfAfter.batch_qps,
      shards_per_query_before: zipfBefore.shards_per_query,
      shards_per_query_after: zipfAfter.shards_per_query,
      worker_cpu_before: zipfBefore.worker_cpu,
      worker_cpu_after: zipfAfter.worker_cpu,
      answers_changed: changed,
      machine: machineLine(describeMachine()),
      generated_at: new Date().toISOString(),
    };
    return { result, phases: [uniformBefore, zipfBefore, zipfAfter, uniformAfter] };
  } finally {
    client.close();
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(client: VecshardClient, base: Float32Array): Promise<void> {
  await client.createCollection({
    name: 's',
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: NPROBE,
    placementPolicy: 'locality',
  });
  await client.train('s', base.subarray(0, Math.min(COUNT, NLIST * 100) * DIM));
  for (let at = 0; at < COUNT; at += 10_000) {
    const end = Math.min(COUNT, at + 10_000);
    await client.upsert(
      's',
      BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
      base.subarray(at * DIM, end * DIM),
    );
  }
}

/** Batches of the queries, IN_FLIGHT at a time, for SECONDS: QPS and each process's CPU over the wall time. */
async function batchPhase(client: VecshardClient, cluster: LocalCluster, queries: Float32Array) {
  const processes = cluster.pids();
  const workerPids = processes.filter((p) => p.role === 'worker').map((p) => p.pid);
  const coordinatorPid = processes.find((p) => p.role === 'coordinator')!.pid;
  const nq = queries.length / DIM;
  let next = 0;
  let answered = 0;
  const cpuBefore = workerPids.map(processCpuMs);
  const coordinatorBefore = processCpuMs(coordinatorPid);
  const started = performance.now();
  const stopAt = started + SECONDS * 1000;
  const loop = async () => {
    while (performance.now() < stopAt) {
      const at = next;
      next = (next + BATCH) % nq;
      const end = Math.min(nq, at + BATCH);
      await client.search('s', queries.subarray(at * DIM, end * DIM), { k: 10 });
      answered += end - at;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
  const wallMs = performance.now() - started;
  return {
    qps: (answered * 1000) / wallMs,
    workerCpu: workerPids.map((pid, i) => (processCpuMs(pid) - cpuBefore[i]) / wallMs),
    coordinatorCpu: (processCpuMs(coordinatorPid) - coordinatorBefore) / wallMs,
  };
}

/** Mean number of shards each query's nprobe lists live on. */
function shardsPerQuery(placement: { lists: number[] }[], lists: BigInt64Array): number {
  const owner = ownerOf(placement);
  const nq = lists.length / NPROBE;
  let total = 0;
  for (let q = 0; q < nq; q++) {
    const shards = new Set<number>();
    for (let p = 0; p < NPROBE; p++) shards.add(owner[Number(lists[q * NPROBE + p])]);
    total += shards.size;
  }
  return total / nq;
}

/** Busiest shard's scan work for these probes (probes × vectors of each list it owns) over the mean. */
function queryLoadSkew(placement: { lists: number[] }[], lists: BigInt64Array, size: Float64Array) {
  const perList = new Float64Array(NLIST);
  for (const list of lists) perList[Number(list)]++;
  const work = placement.map((s) => s.lists.reduce((sum, l) => sum + perList[l] * size[l], 0));
  const mean = work.reduce((a, b) => a + b, 0) / work.length;
  return Math.max(...work) / mean;
}

function vectorSkew(info: CollectionDescription): number {
  const loads = info.placement.map((s) => s.expectedVectors);
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  return Math.max(...loads) / mean;
}

function ownerOf(placement: { lists: number[] }[]): Int32Array {
  const owner = new Int32Array(NLIST).fill(-1);
  placement.forEach((shard, s) => {
    for (const list of shard.lists) owner[list] = s;
  });
  return owner;
}

main().catch((error) => {
  console.error(`skew-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
