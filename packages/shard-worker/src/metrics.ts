import { faissBuild, faissVersion, subsetCacheStats } from '@vecshard/faiss';
import { createProcessRegistry, createRpcMetrics } from '@vecshard/proto';
import { Counter, Gauge } from 'prom-client';
import type { ShardCollectionStats } from './shard-collection.js';
import type { ShardRegistry } from './shard-worker-service.js';

/**
 * The shard worker's Prometheus registry, served on its metrics port. Other
 * parts of the worker add their series here by passing
 * `registers: [workerRegistry]`.
 */
export const workerRegistry = createProcessRegistry('shard_worker');

/** Requests, latency and in-flight calls of the worker's gRPC API (the coordinator's calls). */
export const rpcMetrics = createRpcMetrics(workerRegistry);

/**
 * The shards held here are read when Prometheus scrapes rather than tracked
 * on every request, so searches and writes pay nothing for these series.
 */
let watched: ShardRegistry | undefined;

const registers = [workerRegistry];
const labelNames = ['collection', 'shard'] as const;

/** A per-shard gauge set from each held shard's stats at scrape time. */
function shardGauge(name: string, help: string, value: (s: ShardCollectionStats) => number): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const shard of watched?.values() ?? []) {
        const stats = shard.stats();
        this.labels(stats.collection, String(stats.shard)).set(value(stats));
      }
    },
  });
}

shardGauge('vecshard_held_vectors', 'Vectors this worker holds for a shard', (s) => s.vectors);
shardGauge('vecshard_held_lists', 'Inverted lists of a shard this worker owns', (s) => s.lists);
shardGauge(
  'vecshard_held_memory_bytes',
  'Memory of the FAISS index of a shard held here',
  (s) => s.memoryBytes,
);

new Counter({
  name: 'vecshard_held_search_queries_total',
  help: 'Queries searched in a shard held here since it was attached',
  labelNames,
  registers,
  collect() {
    this.reset();
    for (const shard of watched?.values() ?? []) {
      const stats = shard.stats();
      this.labels(stats.collection, String(stats.shard)).inc(stats.searchQueries);
    }
  },
});

new Gauge({
  name: 'vecshard_write_queue_depth',
  help: 'Writes (adds, deletes) to a shard held here, waiting or running',
  labelNames: ['collection'],
  registers,
  collect() {
    this.reset();
    for (const shard of watched?.values() ?? []) this.labels(shard.name).set(shard.pendingWrites);
  },
});

// The cache of filtered subsets searched again (a tenant's rows), read at scrape time.
new Gauge({
  name: 'vecshard_subset_cache_bytes',
  help: 'Bytes of filtered subsets kept as contiguous copies (--subset-cache-mb bounds them)',
  registers,
  collect() {
    this.set(subsetCacheStats().bytes);
  },
});
new Counter({
  name: 'vecshard_subset_cache_lookups_total',
  help: 'Filtered subset searches that looked for a kept copy, by result (hit or miss)',
  labelNames: ['result'],
  registers,
  collect() {
    this.reset();
    const stats = subsetCacheStats();
    this.labels('hit').inc(stats.hits);
    this.labels('miss').inc(stats.misses);
  },
});

// Constant for the process: which FAISS build and version its searches run on, as
// labels, so dashboards can tell an AVX2 worker from one on Debian's generic FAISS.
new Gauge({
  name: 'vecshard_faiss_build_info',
  help: 'The FAISS build (avx2, generic or gpu) and version this worker searches with; always 1',
  labelNames: ['build', 'version'],
  registers,
}).set({ build: faissBuild(), version: faissVersion() }, 1);

/** Points the shard series at a running worker's shards; returns the call that stops it. */
export function watchShards(shards: ShardRegistry): () => void {
  watched = shards;
  return () => {
    if (watched === shards) watched = undefined;
  };
}
