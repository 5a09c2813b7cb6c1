import type { WorkerStatsResponse__Output } from '@vecshard/proto';
import { Gauge } from 'prom-client';
import type { CoordinatorContext } from './context.js';
import { writeQueueDepths } from './data-path.js';
import { coordinatorRegistry } from './metrics.js';
import { collectWorkerStats } from './worker-stats.js';

/**
 * Gauges of the cluster's state, read when Prometheus scrapes rather than kept
 * up to date on every request, so the request path pays nothing for them.
 */
let watched: CoordinatorContext | undefined;

const STATS_TIMEOUT_MS = 2000;
/** The Stats round in progress: the shard gauges of one scrape share it instead of asking each worker thrice. */
let statsInFlight: Promise<Map<string, WorkerStatsResponse__Output>> | undefined;

function workerStats(ctx: CoordinatorContext): Promise<Map<string, WorkerStatsResponse__Output>> {
  statsInFlight ??= collectWorkerStats(ctx, STATS_TIMEOUT_MS).finally(() => {
    statsInFlight = undefined;
  });
  return statsInFlight;
}

const registers = [coordinatorRegistry];

new Gauge({
  name: 'vecshard_worker_up',
  help: 'Whether a registered shard worker is sending heartbeats (1) or not (0)',
  labelNames: ['worker'],
  registers,
  collect() {
    this.reset();
    for (const worker of watched?.workers.all() ?? []) this.labels(worker.id).set(worker.alive ? 1 : 0);
  },
});

/** A gauge per shard (collection, shard, worker) from the workers' Stats answers. */
function shardGauge(name: string, help: string, value: (s: ShardStats) => number): void {
  new Gauge({
    name,
    help,
    labelNames: ['collection', 'shard', 'worker'],
    registers,
    async collect() {
      this.reset();
      if (!watched) return;
      for (const [workerId, worker] of await workerStats(watched)) {
        for (const shard of worker.collections) {
          this.labels(shard.collection, String(shard.shard), workerId).set(value(shard));
        }
      }
    },
  });
}
type ShardStats = WorkerStatsResponse__Output['collections'][number];

shardGauge(
  'vecshard_shard_vectors',
  'Vectors a shard holds, as its worker reports (live workers that answer only)',
  (s) => Number(s.vectors),
);
shardGauge('vecshard_shard_lists', 'Inverted lists a shard owns, as its worker reports', (s) => s.lists);
shardGauge(
  'vecshard_shard_memory_bytes',
  'Memory of the FAISS index of a shard, as its worker reports',
  (s) => Number(s.memoryBytes),
);

new Gauge({
  name: 'vecshard_write_queue_depth',
  help: 'Writes (upserts, deletes, training) to a collection waiting or running on this coordinator',
  labelNames: ['collection'],
  registers,
  collect() {
    this.reset();
    for (const [collection, depth] of writeQueueDepths()) this.labels(collection).set(depth);
  },
});

/** Points the cluster gauges at a running coordinator's state; returns the call that stops it. */
export function watchCluster(ctx: CoordinatorContext): () => void {
  watched = ctx;
  return () => {
    if (watched === ctx) watched = undefined;
  };
}
