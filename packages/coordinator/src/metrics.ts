import * as grpc from '@grpc/grpc-js';
import { createProcessRegistry, createRpcMetrics, LATENCY_BUCKETS, statusName } from '@vecshard/proto';
import { Counter, Histogram } from 'prom-client';

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

const writeShards = new Histogram({
  name: 'vecshard_write_shards',
  help:
    'Shards one upsert or delete was sent to (each to every copy), by how they were chosen: "filtered" (the ' +
    'shards storing its rows and those whose id filters may hold its ids), "every" (every shard: no usable ' +
    'filters, or a batch too large to look up), "scatter" (by id)',
  labelNames: ['chosen'],
  buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64],
  registers,
});

/** Records the shards one write was sent to, and how they were chosen. */
export function observeWriteShards(shards: number, chosen: 'filtered' | 'every' | 'scatter'): void {
  writeShards.labels(chosen).observe(shards);
}

const replicaReads = new Counter({
  name: 'vecshard_replica_reads_total',
  help: 'Shard reads sent to one copy of a shard (one per shard a search asks), before any hedge or failover',
  registers,
});

const hedgedReads = new Counter({
  name: 'vecshard_hedged_reads_total',
  help:
    'Shard reads also sent to a second copy because the first was slower than the shard’s recent p99; ' +
    'the hedge rate is this over vecshard_replica_reads_total (capped at 5 %)',
  registers,
});

const failedOverReads = new Counter({
  name: 'vecshard_failed_over_reads_total',
  help: 'Shard reads retried on another copy because a copy failed',
  registers,
});

const missedWrites = new Counter({
  name: 'vecshard_replica_missed_writes_total',
  help: 'Copies that missed a write (failed, lagged or were down) and were marked catching-up',
  registers,
});

export const replicaMetrics = {
  read: () => replicaReads.inc(),
  hedged: () => hedgedReads.inc(),
  failedOver: () => failedOverReads.inc(),
  missedWrites: (n: number) => missedWrites.inc(n),
};
