import type { CollectionRecord } from '../collection-record.js';
import type { ShardToRefill } from '../jobs/job-kinds.js';
import type { KnownWorker } from '../worker-directory.js';

/** A shard as a worker reports holding it. */
export interface HeldShard {
  collection: string;
  shard: number;
  /** Attached, but its refill has not finished. */
  loading: boolean;
}

export interface RefillInputs {
  /** Trained collections. */
  records: CollectionRecord[];
  /** Registered workers, alive or not. */
  workers: KnownWorker[];
  /** What each live worker that answered holds; a live worker missing here is not judged. */
  holdings: Map<string, HeldShard[]>;
  /** How long each worker has been seen absent (dead or unregistered); 0 while present. */
  absentForMs: (workerId: string) => number;
  /** After this long absent, a worker's shards are re-placed on live workers. */
  graceMs: number;
  /**
   * Whether a copy can be rebuilt without a peer (from the snapshot and the
   * write log: there is an object store); if not, only copies with a ready
   * peer are refilled.
   */
  canRebuild: boolean;
}

/**
 * Per collection, the copies of shards to refill: every copy whose worker is
 * alive but does not hold it ready (it restarted and came back empty, or a
 * refill did not finish), every copy marked catching-up (it missed writes),
 * and every copy whose worker has been absent longer than the grace,
 * re-placed on the live worker with the fewest expected vectors among those
 * holding no copy of that shard. The choice depends only on the inputs, so
 * coordinators that see the same cluster queue the same job.
 */
export function shardsToRefill(inputs: RefillInputs): Map<string, ShardToRefill[]> {
  const workers = new Map(inputs.workers.map((worker) => [worker.id, worker]));
  const load = expectedLoad(inputs.records);
  const result = new Map<string, ShardToRefill[]>();
  for (const record of inputs.records) {
    const shards: ShardToRefill[] = [];
    for (const shard of record.placement) {
      const holders = new Set(shard.replicas.map((replica) => replica.workerId));
      const fillable = (workerId: string) =>
        inputs.canRebuild || hasReadyPeer(inputs, workers, record, shard, workerId);
      for (const replica of shard.replicas) {
        if (!fillable(replica.workerId)) continue;
        const worker = workers.get(replica.workerId);
        if (worker?.alive) {
          const held = inputs.holdings.get(worker.id);
          if (held && (replica.state === 'catching-up' || !holdsReady(held, record.name, shard.shard))) {
            const refill = { shard: shard.shard, workerId: worker.id, startedAtMs: worker.startedAtMs };
            shards.push(replica.missedAtMs ? { ...refill, missedAtMs: replica.missedAtMs } : refill);
          }
        } else if (inputs.absentForMs(replica.workerId) >= inputs.graceMs) {
          const target = leastLoaded(inputs.workers, inputs.holdings, load, holders);
          if (!target) continue;
          holders.add(target.id);
          load.set(target.id, (load.get(target.id) ?? 0) + shard.expectedVectors);
          shards.push({
            shard: shard.shard,
            workerId: target.id,
            startedAtMs: target.startedAtMs,
            movedFrom: replica.workerId,
          });
        }
      }
    }
    if (shards.length > 0) result.set(record.name, shards);
  }
  return result;
}

/** Whether another copy of the shard is ready, on a live worker that holds it. */
function hasReadyPeer(
  inputs: RefillInputs,
  workers: Map<string, KnownWorker>,
  record: CollectionRecord,
  shard: CollectionRecord['placement'][number],
  except: string,
): boolean {
  return shard.replicas.some((peer) => {
    if (peer.workerId === except || peer.state !== 'ready' || !workers.get(peer.workerId)?.alive)
      return false;
    const held = inputs.holdings.get(peer.workerId);
    return held !== undefined && holdsReady(held, record.name, shard.shard);
  });
}

function holdsReady(held: HeldShard[], collection: string, shard: number): boolean {
  return held.some((h) => h.collection === collection && h.shard === shard && !h.loading);
}

/** Expected vectors placed on each worker over every collection and copy. */
function expectedLoad(records: CollectionRecord[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const record of records)
    for (const shard of record.placement)
      for (const { workerId } of shard.replicas)
        load.set(workerId, (load.get(workerId) ?? 0) + shard.expectedVectors);
  return load;
}

/** The live, answering worker with the least expected load that holds no copy of the shard; ties go to the lower id. */
function leastLoaded(
  workers: KnownWorker[],
  holdings: Map<string, HeldShard[]>,
  load: Map<string, number>,
  holders: Set<string>,
): KnownWorker | undefined {
  const candidates = workers
    .filter((worker) => worker.alive && !worker.drained && holdings.has(worker.id) && !holders.has(worker.id))
    .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  return candidates[0];
}
