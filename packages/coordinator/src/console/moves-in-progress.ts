import type { CollectionRecord } from '../collection-record.js';
import type { JobWithMove } from '../jobs/job-queue.js';

/**
 * A move the cluster map draws from its source to its target: lists from one
 * shard to another (rebalance), a copy from one worker to another (drain),
 * or a copy being refilled on a worker (refill), with how far it has got.
 */
export interface MapMove {
  job: string;
  kind: 'rebalance' | 'drain' | 'refill';
  collection: string;
  shard: number;
  toShard?: number;
  fromWorker?: string;
  toWorker?: string;
  /** Of this move alone, 0–100. */
  percent: number;
  done: number;
  total: number;
}

/**
 * The moves of the running jobs: what a rebalance or drain reported it is
 * moving now, and the shards a refill is filling (each at the job's %).
 */
export function movesInProgress(jobs: JobWithMove[], records: CollectionRecord[]): MapMove[] {
  const moves: MapMove[] = [];
  for (const job of jobs) {
    if (job.state !== 'JOB_STATE_RUNNING') continue;
    if (job.now && (job.kind === 'rebalance' || job.kind === 'drain')) {
      const { now } = job;
      moves.push({
        job: job.id ?? '',
        kind: job.kind,
        ...now,
        percent: now.total > 0 ? Math.round((100 * now.done) / now.total) : 0,
      });
    }
    if (job.kind === 'recover') moves.push(...refills(job, records));
  }
  return moves;
}

/** A refill job's shards: the job's data names them; each shows the job's progress. */
function refills(job: JobWithMove, records: CollectionRecord[]): MapMove[] {
  const data = job.refilling;
  if (!data || !records.some((record) => record.name === data.collection)) return [];
  return data.shards.map((shard) => ({
    job: job.id ?? '',
    kind: 'refill' as const,
    collection: data.collection,
    shard: shard.shard,
    fromWorker: shard.movedFrom,
    toWorker: shard.workerId,
    percent: Math.round(Number(job.progress ?? 0)),
    done: Number(job.done),
    total: Number(job.total),
  }));
}
