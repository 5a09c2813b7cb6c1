#!/usr/bin/env node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VecshardClient } from '@vecshard/client';
import { gaussianMixture } from '@vecshard/datasets';
import { FaissIndex } from '@vecshard/faiss';
import { type LocalCluster, startLocalCluster } from '@vecshard/launcher';
import { processCpuMs } from './metrics/process-cpu.js';
import { listOwners, meanShardsPerQuery } from './metrics/shards-per-query.js';
import { describeMachine, machineLine } from './report/machine.js';
import { round } from './report/markdown-table.js';
import { bucketByList, type HotOrder, queriesByListLaw } from './skew/list-queries.js';
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
    orders: { type: 'string', default: 'shuffled,neighbourhood' },
    count: { type: 'string', default: '200000' },
    nlist: { type: 'string', default: '256' },
    nprobe: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
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
const ROUNDS = Number(values.rounds);
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
    for (const order of values.orders!.split(',') as HotOrder[]) {
      console.error(`skew-bench: ${workers} workers, hot lists ${order}`);
      const measured = await measure(workers, order, base, pool);
      results.push(measured.result);
      phases.push(...measured.phases);
    }
  }
  await writeSkewReport(values.out!, results, phases, {
    count: COUNT,
    nlist: NLIST,
    nprobe: NPROBE,
    seconds: SECONDS,
    rounds: ROUNDS,
    batch: BATCH,
    inFlight: IN_FLIGHT,
    exponent: EXPONENT,
  });
}

async function measure(workers: number, order: HotOrder, base: Float32Array, pool: Float32Array) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-skew-bench-'));
  // A short half-life: the Rebalance weighs the seconds of Zipf load before it.
  const cluster = await startLocalCluster({
    workers,
    port: 0,
    dataDir,
    storeUrl: null,
    threads: 1,
    consolePort: null,
    coordinatorArgs: ['--query-load-half-life-s', '2'],
  });
  const client = new VecshardClient(cluster.address, { deadlineMs: 600_000 });
  try {
    // Two copies of the collection, trained alike: 'a' keeps the placement as built, 'b' is rebalanced
    // under the Zipf load; the rounds then alternate all four arms, so drift on the shared cores falls on each.
    await load(client, 'a', base);
    await load(client, 'b', base);
    const info = await client.getCollection('a', { includeTemplate: true });
    const same =
      Buffer.compare(Buffer.from(info.template!), Buffer.from((await template(client, 'b'))!)) === 0;
    const quantizer = await FaissIndex.deserialize(info.template!, 'l2');
    const buckets = bucketByList((await quantizer.assign(pool, 1)).lists, NLIST);
    const centroids = quantizer.centroids();
    const uniform = queriesByListLaw(pool, DIM, buckets, { kind: 'uniform' }, QUERIES, 7, centroids);
    const law = { kind: 'zipf', exponent: EXPONENT, order } as const;
    const zipf = queriesByListLaw(pool, DIM, buckets, law, QUERIES, 7, centroids);
    const sizes = new Float64Array(NLIST);
    for (const list of (await quantizer.assign(base, 1)).lists) sizes[Number(list)]++;
    const probes = {
      uniform: (await quantizer.assign(uniform.queries, NPROBE)).lists,
      zipf: (await quantizer.assign(zipf.queries, NPROBE)).lists,
    };
    const sets = { uniform: uniform.queries, zipf: zipf.queries };

    const compared = zipf.queries.subarray(0, COMPARED * DIM);
    const answersBefore = await client.search('b', compared, { k: 10 });
    // The Zipf load runs on 'b' while its Rebalance runs (as it would in service): the counts it plans
    // by are the last seconds' probes (half-life 2 s), however long the job waits in the queue.
    let rebalancing = true;
    const background = (async () => {
      for (let at = 0; rebalancing; at = (at + BATCH) % QUERIES) {
        await client.search('b', zipf.queries.subarray(at * DIM, (at + BATCH) * DIM), { k: 10 });
      }
    })();
    const job = await client.rebalance('b');
    const done = await client.waitForJob(job.id).finally(() => {
      rebalancing = false;
    });
    await background;
    console.error(`skew-bench: rebalance ${JSON.stringify(done.result)}`);
    const answersAfter = await client.search('b', compared, { k: 10 });

    const arms = [
      { name: 'uniform', collection: 'a', law: 'uniform' },
      { name: 'zipf, before', collection: 'a', law: 'zipf' },
      { name: 'zipf, after Rebalance', collection: 'b', law: 'zipf' },
      { name: 'uniform, after Rebalance', collection: 'b', law: 'uniform' },
    ] as const;
    const placements = {
      a: (await client.getCollection('a')).placement,
      b: (await client.getCollection('b')).placement,
    };
    const totals = arms.map(() => emptyTotals(workers));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, arm] of arms.entries()) {
        addTotals(totals[i], await batchPhase(client, cluster, arm.collection, sets[arm.law]));
      }
    }
    const [uniformBefore, zipfBefore, zipfAfter, uniformAfter] = arms.map((arm, i): SkewPhase => {
      const t = totals[i];
      const placement = placements[arm.collection];
      const phase: SkewPhase = {
        workers,
        hot_lists: order,
        phase: arm.name,
        batch_qps: Math.round((t.answered * 1000) / t.wallMs),
        shards_per_query: round(meanShardsPerQuery(listOwners(placement, NLIST), probes[arm.law], NPROBE)),
        max_over_mean_query_load: round(queryLoadSkew(placement, probes[arm.law], sizes), 3),
        worker_cpu: t.workerCpuMs.map((ms) => round(ms / t.wallMs, 3)),
        coordinator_cpu: round(t.coordinatorCpuMs / t.wallMs, 3),
        max_over_mean_vectors: round(vectorSkew(placement, sizes), 3),
      };
      console.error(`skew-bench: ${JSON.stringify(phase)}`);
      return phase;
    });
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
      hot_lists: order,
      nlist: NLIST,
      nprobe: NPROBE,
      zipf_exponent: EXPONENT,
      skew_qps_ratio: round(zipfAfter.batch_qps / uniformBefore.batch_qps, 3),
      skew_qps_ratio_before: round(zipfBefore.batch_qps / uniformBefore.batch_qps, 3),
      skew_qps_ratio_model: round(
        uniformBefore.max_over_mean_query_load / zipfAfter.max_over_mean_query_load,
        3,
      ),
      skew_qps_ratio_same_placement: round(zipfAfter.batch_qps / uniformAfter.batch_qps, 3),
      uniform_qps_after: uniformAfter.batch_qps,
      rebalanced_by: String((done.result.balancedBy as Record<string, { by?: string }> | undefined)?.b?.by),
      same_quantizer: same,
      lists_moved: Number(done.result.listsMoved ?? 0),
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

async function template(client: VecshardClient, name: string): Promise<Uint8Array | undefined> {
  return (await client.getCollection(name, { includeTemplate: true })).template;
}

async function load(client: VecshardClient, name: string, base: Float32Array): Promise<void> {
  await client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: NPROBE,
    placementPolicy: 'locality',
  });
  await client.train(name, base.subarray(0, Math.min(COUNT, NLIST * 100) * DIM));
  for (let at = 0; at < COUNT; at += 10_000) {
    const end = Math.min(COUNT, at + 10_000);
    await client.upsert(
      name,
      BigInt64Array.from({ length: end - at }, (_, i) => BigInt(at + i)),
      base.subarray(at * DIM, end * DIM),
    );
  }
}

interface Totals {
  answered: number;
  wallMs: number;
  workerCpuMs: number[];
  coordinatorCpuMs: number;
}

function emptyTotals(workers: number): Totals {
  return { answered: 0, wallMs: 0, workerCpuMs: new Array(workers).fill(0), coordinatorCpuMs: 0 };
}

function addTotals(into: Totals, part: Totals): void {
  into.answered += part.answered;
  into.wallMs += part.wallMs;
  part.workerCpuMs.forEach((ms, i) => {
    into.workerCpuMs[i] += ms;
  });
  into.coordinatorCpuMs += part.coordinatorCpuMs;
}

/** Batches of the queries, IN_FLIGHT at a time, for SECONDS: queries answered, wall time and each process's CPU. */
async function batchPhase(
  client: VecshardClient,
  cluster: LocalCluster,
  collection: string,
  queries: Float32Array,
): Promise<Totals> {
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
      await client.search(collection, queries.subarray(at * DIM, end * DIM), { k: 10 });
      answered += end - at;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
  return {
    answered,
    wallMs: performance.now() - started,
    workerCpuMs: workerPids.map((pid, i) => processCpuMs(pid) - cpuBefore[i]),
    coordinatorCpuMs: processCpuMs(coordinatorPid) - coordinatorBefore,
  };
}

/** Busiest shard's scan work for these probes (probes × vectors of each list it owns) over the mean. */
function queryLoadSkew(placement: { lists: number[] }[], lists: BigInt64Array, size: Float64Array) {
  const perList = new Float64Array(NLIST);
  for (const list of lists) perList[Number(list)]++;
  const work = placement.map((s) => s.lists.reduce((sum, l) => sum + perList[l] * size[l], 0));
  const mean = work.reduce((a, b) => a + b, 0) / work.length;
  return Math.max(...work) / mean;
}

/** Busiest shard's vectors over the mean (list sizes from the base set's own assignment). */
function vectorSkew(placement: { lists: number[] }[], sizes: Float64Array): number {
  const loads = placement.map((s) => s.lists.reduce((sum, l) => sum + sizes[l], 0));
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  return Math.max(...loads) / mean;
}

main().catch((error) => {
  console.error(`skew-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
