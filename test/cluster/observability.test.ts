import { randomUUID } from 'node:crypto';
import { faissBuild, faissVersion } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { matching, type Sample, scrape, total } from '../helpers/metrics.js';
import type { StartedProcess } from '../helpers/processes.js';

// Every process serves Prometheus metrics and logs each request (debug level
// here) under the id the client sent, carried from the coordinator to the workers.
const DIM = 8;
const NLIST = 8;
const VECTORS = 400;
const data = clusteredVectors(VECTORS, DIM, 21);
const queries = clusteredVectors(12, DIM, 22);
const NAME = 'observed';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({
    workers: 2,
    coordinatorArgs: ['--log-level', 'debug'],
    workerArgs: ['--log-level', 'debug'],
  });
  const { client } = cluster;
  await client.createCollection({ name: NAME, dim: DIM, metric: 'l2', index: `IVF${NLIST},Flat`, shards: 2 });
  await client.train(NAME, data);
  await client.upsert(NAME, sequentialIds(VECTORS), data);
});
afterAll(async () => {
  await cluster?.stop();
});

const coordinatorMetrics = () => scrape(cluster.coordinator.metricsUrl!);
const workerMetrics = () => Promise.all(cluster.workers.map((worker) => scrape(worker.metricsUrl!)));
const sumOver = (scrapes: Sample[][], name: string, labels: Record<string, string> = {}) =>
  scrapes.reduce((sum, samples) => sum + total(samples, name, labels), 0);

describe('metrics', () => {
  it('every process prints where it serves /metrics', () => {
    expect(cluster.coordinator.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    for (const worker of cluster.workers)
      expect(worker.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new Set([cluster.coordinator.metricsUrl, ...cluster.workers.map((w) => w.metricsUrl)]).size).toBe(
      3,
    );
  });

  it('counts and times searches, upserts and errors by method and status code', async () => {
    const before = await coordinatorMetrics();
    const workersBefore = await workerMetrics();
    let shardRequests = 0;
    for (let batch = 0; batch < 4; batch++) {
      const result = await cluster.client.search(
        NAME,
        queries.subarray(batch * 3 * DIM, (batch + 1) * 3 * DIM),
        {
          k: 5,
          nprobe: 2 + batch,
        },
      );
      shardRequests += result.shardsQueried;
    }
    await cluster.client.upsert(NAME, sequentialIds(10, VECTORS), data.subarray(0, 10 * DIM));
    await expect(cluster.client.search(NAME, queries, { k: 0 })).rejects.toMatchObject({
      codeName: 'INVALID_ARGUMENT',
    });
    const after = await coordinatorMetrics();
    const workersAfter = await workerMetrics();
    const moved = (name: string, labels: Record<string, string>) =>
      total(after, name, labels) - total(before, name, labels);
    const movedOnWorkers = (name: string, labels: Record<string, string>) =>
      sumOver(workersAfter, name, labels) - sumOver(workersBefore, name, labels);

    expect(moved('vecshard_rpc_requests_total', { method: 'Search', code: 'OK' })).toBe(4);
    expect(moved('vecshard_rpc_requests_total', { method: 'Search', code: 'INVALID_ARGUMENT' })).toBe(1);
    expect(moved('vecshard_rpc_requests_total', { method: 'Upsert', code: 'OK' })).toBe(1);
    expect(moved('vecshard_rpc_duration_seconds_count', { method: 'Search', code: 'OK' })).toBe(4);
    expect(moved('vecshard_rpc_duration_seconds_sum', { method: 'Search', code: 'OK' })).toBeGreaterThan(0);
    expect(matching(after, 'vecshard_rpc_requests_total')[0].labels.component).toBe('coordinator');

    // Fan-out: one observation per search of how many shards it asked, one per shard asked.
    expect(shardRequests).toBeGreaterThanOrEqual(4);
    expect(moved('vecshard_search_shards_count', {})).toBe(4);
    expect(moved('vecshard_search_shards_sum', {})).toBe(shardRequests);
    expect(moved('vecshard_shard_request_queries_count', {})).toBe(shardRequests);
    const searchTime = { method: 'SearchPreassigned', code: 'OK' };
    expect(moved('vecshard_worker_request_seconds_count', searchTime)).toBe(shardRequests);
    const perWorker = cluster.workers.map((w) =>
      moved('vecshard_worker_request_seconds_count', { ...searchTime, worker: w.id }),
    );
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(shardRequests);

    // The workers saw exactly the shard requests the coordinator sent, and one add each (list routing).
    expect(movedOnWorkers('vecshard_rpc_requests_total', searchTime)).toBe(shardRequests);
    expect(movedOnWorkers('vecshard_rpc_requests_total', { method: 'AddPreassigned', code: 'OK' })).toBe(2);
    expect(matching(workersAfter[0], 'vecshard_rpc_requests_total')[0].labels.component).toBe('shard_worker');
  });

  it('reports vectors and lists per shard, worker liveness, write queues and Node runtime metrics', async () => {
    const vectors = (await cluster.client.getCollection(NAME)).vectors;
    const samples = await coordinatorMetrics();
    expect(total(samples, 'vecshard_shard_vectors', { collection: NAME })).toBe(vectors);
    expect(total(samples, 'vecshard_shard_lists', { collection: NAME })).toBe(NLIST);
    const shardWorkers = matching(samples, 'vecshard_shard_vectors', { collection: NAME }).map(
      (s) => s.labels.worker,
    );
    expect(shardWorkers.sort()).toEqual(['w0', 'w1']);
    for (const worker of ['w0', 'w1']) expect(total(samples, 'vecshard_worker_up', { worker })).toBe(1);
    expect(matching(samples, 'vecshard_write_queue_depth', { collection: NAME })).toHaveLength(1);
    expect(matching(samples, 'vecshard_process_resident_memory_bytes')).toHaveLength(1);
    expect(matching(samples, 'vecshard_nodejs_eventloop_lag_seconds')).toHaveLength(1);

    const workers = await workerMetrics();
    expect(sumOver(workers, 'vecshard_held_vectors', { collection: NAME })).toBe(vectors);
    expect(sumOver(workers, 'vecshard_held_lists', { collection: NAME })).toBe(NLIST);
    for (const worker of workers) {
      expect(matching(worker, 'vecshard_write_queue_depth', { collection: NAME })).toHaveLength(1);
      expect(matching(worker, 'vecshard_rpc_in_flight', { method: 'SearchPreassigned' })).toHaveLength(1);
    }
  });

  it('each worker reports the FAISS build it loaded, as a metric and in ClusterStatus', async () => {
    // The workers run on this machine with this environment, so they pick what this process picked.
    const build = faissBuild();
    for (const samples of await workerMetrics()) {
      expect(total(samples, 'vecshard_faiss_build_info', { build, version: faissVersion() })).toBe(1);
    }
    const status = await cluster.client.clusterStatus();
    expect(status.workers.map((worker) => worker.faissBuild)).toEqual(cluster.workers.map(() => build));
  });

  it('answers 404 off /metrics', async () => {
    const response = await fetch(cluster.coordinator.metricsUrl!.replace('/metrics', '/other'));
    expect(response.status).toBe(404);
  });
});

/** The JSON log lines of a process that carry `requestId`. */
function logLinesOf(process: StartedProcess, requestId: string): Record<string, unknown>[] {
  return process
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.requestId === requestId);
}

describe('request ids', () => {
  it('a request id given by the client is logged by the coordinator and by every worker it asked', async () => {
    const requestId = `trace-${randomUUID()}`;
    // Probing every list reaches every shard.
    const result = await cluster.client.search(NAME, queries, { k: 3, nprobe: NLIST, requestId });
    expect(result.shardsQueried).toBe(2);
    await vi.waitFor(() => {
      expect(logLinesOf(cluster.coordinator.process, requestId)).toEqual([
        expect.objectContaining({ level: 20, method: 'Search', msg: 'request served' }),
      ]);
      for (const worker of cluster.workers) {
        expect(logLinesOf(worker.process, requestId)).toEqual([
          expect.objectContaining({ level: 20, method: 'SearchPreassigned', msg: 'request served' }),
        ]);
      }
    });
  });

  it('a failed request is logged at warn level with its id and status', async () => {
    const requestId = `bad-${randomUUID()}`;
    await expect(cluster.client.search(NAME, queries, { k: 0, requestId })).rejects.toMatchObject({
      codeName: 'INVALID_ARGUMENT',
      requestId,
    });
    await vi.waitFor(() => {
      expect(logLinesOf(cluster.coordinator.process, requestId)).toEqual([
        expect.objectContaining({ level: 40, method: 'Search', code: 'INVALID_ARGUMENT' }),
      ]);
    });
    for (const worker of cluster.workers) expect(logLinesOf(worker.process, requestId)).toEqual([]);
  });

  it('without a caller-given id, the one the client generates still reaches the workers', async () => {
    await cluster.client.upsert(NAME, sequentialIds(5, 5000), data.subarray(0, 5 * DIM));
    const requestId = await vi.waitFor(() => {
      const upserts = cluster.coordinator.process
        .output()
        .split('\n')
        .filter((line) => line.includes('"method":"Upsert"'))
        .map((line) => JSON.parse(line) as { requestId: string });
      expect(upserts.length).toBeGreaterThan(0);
      return upserts[upserts.length - 1].requestId;
    });
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await vi.waitFor(() => {
      for (const worker of cluster.workers) {
        expect(logLinesOf(worker.process, requestId)).toEqual([
          expect.objectContaining({ method: 'AddPreassigned', msg: 'request served' }),
        ]);
      }
    });
  });
});
