import type * as grpc from '@grpc/grpc-js';
import { unavailable } from '@vecshard/proto';
import type { CollectionCatalog } from './collection-catalog.js';
import type { CollectionRecord, ShardPlacement } from './collection-record.js';
import type { CollectionStore } from './collection-store.js';
import type { IdFilters } from './id-filters/id-filters.js';
import type { InFlightSearches } from './in-flight-searches.js';
import type { ProbeLoad } from './query-load/probe-load.js';
import type { CopyFences } from './replicas/copy-fences.js';
import { readyReplicas } from './replicas/replica-set.js';
import type { WorkerClients, WorkerTarget } from './worker-clients.js';
import type { WorkerDirectory } from './worker-directory.js';
import type { WriteLog } from './write-log.js';
import type { WriteSequence } from './write-sequence.js';

/** The part of a server call handlers need: its deadline. */
export type CallWithDeadline = Pick<grpc.ServerUnaryCall<unknown, unknown>, 'getDeadline'>;

/** Reads one shard from one of its copies (see replicas/replica-reads.ts). */
export interface ShardReads {
  read<T>(
    ctx: CoordinatorContext,
    collection: string,
    shard: ShardPlacement,
    send: (target: WorkerTarget, signal: AbortSignal) => Promise<T>,
  ): Promise<T>;
}

/** What request handlers share. */
export interface CoordinatorContext {
  store: CollectionStore;
  catalog: CollectionCatalog;
  workers: WorkerDirectory;
  clients: WorkerClients;
  /** Longest a coordinator → worker call may take when the client set no earlier deadline. */
  workerTimeoutMs: number;
  /** Reads of shards from their copies: choice by load, failover and hedging. */
  reads: ShardReads;
  /** Rebalances and drains move at most this many bytes a second (0: no limit). */
  moveBytesPerSecond: number;
  /**
   * How long a rebalance or drain that found collections being refilled waits
   * for their refills (having moved the rest) before it leaves them in place.
   */
  moveWaitForRefillMs: number;
  /** Searches under way, by the placement epoch they were routed with (list moves wait for them). */
  searches: InFlightSearches;
  /** How long the other copies of a shard may lag behind the first that stored a write before they count as missing it. */
  replicaLagFloorMs: number;
  /**
   * Deliberately unsafe, for the fault suite's proof that its checker can
   * fail: a write is acknowledged as soon as one copy stored it, and copies
   * that missed it are never marked catching-up. Never in production.
   */
  unsafeAckFirstCopy?: boolean;
  /** The numbers every upsert and delete takes, so that copies apply concurrent writes alike. */
  writeSequence: WriteSequence;
  /**
   * Which shards may hold which ids (per-shard Bloom filters in Redis), so an
   * upsert or delete under list routing or a partition key reaches only the
   * shards that store or may hold its ids; they also hand out the write's sequence.
   */
  idFilters: IdFilters;
  /** Fences on copies that missed writes, read by their workers with every heartbeat. */
  fences: CopyFences;
  /** Acknowledged writes since each collection's last snapshot; kept when there is an object store. */
  writeLog?: WriteLog;
  /** Probes per list counted from searches, a Rebalance's measure of query load (absent: vectors only). */
  probeLoad?: ProbeLoad;
  /** Called after a write with the bytes the collection's log holds, to snapshot when it grows large. */
  onLogged?: (collection: CollectionRecord, logBytes: number) => void;
}

/**
 * Deadline of calls to workers: the worker timeout, and well before the
 * caller's own deadline, so that a worker that does not answer is reported as
 * UNAVAILABLE (naming it) before the caller gives up with DEADLINE_EXCEEDED.
 * The margin is a quarter of the time left (at most a second): on a busy
 * machine timers fire late and the answer still has to travel back, and a
 * fixed few hundred milliseconds let the caller's timer win that race.
 */
export function workerDeadline(ctx: CoordinatorContext, call?: CallWithDeadline): number {
  const now = Date.now();
  const limit = now + ctx.workerTimeoutMs;
  const callerDeadline = call?.getDeadline();
  if (callerDeadline === undefined || callerDeadline === Infinity) return limit;
  const at = callerDeadline instanceof Date ? callerDeadline.getTime() : Number(callerDeadline);
  const margin = Math.min(1000, Math.max(0, (at - now) * 0.25));
  return Math.min(limit, at - margin);
}

/**
 * The registered worker holding one copy of a shard, or UNAVAILABLE saying it
 * is not registered. A worker whose heartbeat lapsed is still returned: a
 * busy worker misses beats but answers, and a dead one refuses the call at
 * once.
 */
export function replicaTarget(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  workerId: string,
): WorkerTarget {
  const worker = ctx.workers.get(workerId);
  if (!worker) {
    throw unavailable(
      `shard ${shard.shard} of collection "${collection}" lives on worker ${workerId}, which is not registered`,
    );
  }
  return worker;
}

/**
 * A live worker holding a ready copy of the shard (the first such copy), for
 * work that reads one complete copy; UNAVAILABLE naming the copies otherwise.
 */
export function shardTarget(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
): WorkerTarget {
  for (const replica of readyReplicas(shard)) {
    const worker = ctx.workers.get(replica.workerId);
    if (worker?.alive) return worker;
  }
  if (shard.replicas.length === 1) {
    const only = replicaTarget(ctx, collection, shard, shard.replicas[0].workerId);
    if (!ctx.workers.get(only.id)?.alive) {
      throw unavailable(
        `shard ${shard.shard} of collection "${collection}" lives on worker ${only.id} (${only.address}), ` +
          'which stopped sending heartbeats',
      );
    }
    return only;
  }
  const copies = shard.replicas.map((r) => `${r.workerId} (${r.state})`).join(', ');
  throw unavailable(
    `shard ${shard.shard} of collection "${collection}" has no ready copy on a live worker: ${copies}`,
  );
}
