import * as grpc from '@grpc/grpc-js';
import { createProcessRegistry, createRpcMetrics, LATENCY_BUCKETS, statusName } from '@vecshard/proto';
import { Histogram } from 'prom-client';

/**
 * The coordinator's Prometheus registry, served on its metrics port. Other
 * parts of the coordinator add their series here (job progress gauges, for
 * instance) by passing `registers: [coordinatorRegistry]`.
 */
export const coordinatorRegistry = createProcessRegistry('coordinator');

/** Requests, latency and in-flight calls of the public gRPC API. */
export const rpcMetrics = createRpcMetrics(coordinatorRegistry);

const registers = [coordinatorRegistry];

const workerRequestSeconds = new Histogram({
  name: 'vecshard_worker_request_seconds',
  help:
    'Coordinator → shard worker calls as the coordinator sees them (network included), by worker, ' +
    'method and status code; method="SearchPreassigned" is the per-shard search time',
  labelNames: ['worker', 'method', 'code'],
  buckets: LATENCY_BUCKETS,
  registers,
});

const searchShards = new Histogram({
  name: 'vecshard_search_shards',
  help: 'Shards one Search request was sent to (its fan-out)',
  buckets: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64],
  registers,
});

const shardRequestQueries = new Histogram({
  name: 'vecshard_shard_request_queries',
  help: 'Queries in one shard search request: the part of a Search batch one shard received',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096],
  registers,
});

/** Records one call to a worker; `error` is what the call failed with, if it did. */
export function observeWorkerCall(
  workerId: string,
  method: string,
  error: { code?: number } | null,
  seconds: number,
): void {
  const code = error ? statusName(error.code ?? grpc.status.UNKNOWN) : 'OK';
  workerRequestSeconds.labels(workerId, method, code).observe(seconds);
}

/** Records how a Search batch was split: one observation per shard asked, one for the batch. */
export function observeSearchFanOut(parts: readonly { queryIndex: Int32Array }[]): void {
  searchShards.observe(parts.length);
  for (const part of parts) shardRequestQueries.observe(part.queryIndex.length);
}
