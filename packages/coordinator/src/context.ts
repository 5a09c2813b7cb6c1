import type * as grpc from '@grpc/grpc-js';
import { unavailable } from '@vecshard/proto';
import type { CollectionCatalog } from './collection-catalog.js';
import type { CollectionRecord, ShardPlacement } from './collection-record.js';
import type { CollectionStore } from './collection-store.js';
import type { WorkerClients, WorkerTarget } from './worker-clients.js';
import type { WorkerDirectory } from './worker-directory.js';
import type { WriteLog } from './write-log.js';

/** The part of a server call handlers need: its deadline. */
export type CallWithDeadline = Pick<grpc.ServerUnaryCall<unknown, unknown>, 'getDeadline'>;

/** What request handlers share. */
export interface CoordinatorContext {
  store: CollectionStore;
  catalog: CollectionCatalog;
  workers: WorkerDirectory;
  clients: WorkerClients;
  /** Longest a coordinator → worker call may take when the client set no earlier deadline. */
  workerTimeoutMs: number;
  /** Acknowledged writes since each collection's last snapshot; kept when there is an object store. */
  writeLog?: WriteLog;
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

/** The live worker holding a shard, or UNAVAILABLE saying which one is down. */
export function shardTarget(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
): WorkerTarget {
  const worker = ctx.workers.get(shard.workerId);
  if (!worker) {
    throw unavailable(
      `shard ${shard.shard} of collection "${collection}" lives on worker ${shard.workerId}, which is not registered`,
    );
  }
  if (!worker.alive) {
    throw unavailable(
      `shard ${shard.shard} of collection "${collection}" lives on worker ${shard.workerId} (${worker.address}), ` +
        'which stopped sending heartbeats',
    );
  }
  return worker;
}
