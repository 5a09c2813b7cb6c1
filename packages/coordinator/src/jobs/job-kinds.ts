/** What a queued job carries, by kind. Stored in Redis as the BullMQ job's data. */
export interface ImportJobData {
  kind: 'import';
  collection: string;
  path: string;
  firstId: number;
  limit: number;
  batchSize: number;
  trainSize: number;
  /** JSON Lines of the rows' fields, aligned with the vectors (absent: no fields). */
  fieldsPath?: string;
  /** Since when (ms) the import has waited for its collection's refill, while it does. */
  refillWaitSinceMs?: number;
}

export interface TrainJobData {
  kind: 'train';
  collection: string;
  path: string;
  limit: number;
}

export interface SnapshotJobData {
  kind: 'snapshot';
  collection: string;
}

export interface RestoreJobData {
  kind: 'restore';
  collection: string;
  snapshotId: string;
}

/** One shard to refill, on one worker process. */
export interface ShardToRefill {
  shard: number;
  /** The worker to fill it on. */
  workerId: string;
  /** Start time of that worker's process: a later restart of it gets a job of its own. */
  startedAtMs: number;
  /** The absent worker the shard moves away from, when it is re-placed. */
  movedFrom?: string;
  /** When the copy missed a write, for a copy that did. */
  missedAtMs?: number;
}

/**
 * Shards of a collection that live workers should hold but do not (they
 * restarted empty, or the shard is re-placed off a worker that is gone):
 * refill them from the last snapshot and the write log.
 */
export interface RecoverJobData {
  kind: 'recover';
  collection: string;
  shards: ShardToRefill[];
  /** The job's own id, to clear the collection's loading mark only if it is still this job's. */
  jobId: string;
}

/**
 * What a rebalance or drain did before it put itself back in the queue to
 * wait for collections being refilled (which it does not move meanwhile).
 */
export interface MovesSoFar {
  /** When it first found a collection it had to leave because it was loading. */
  waitingSinceMs: number;
  listsMoved: number;
  /** Collections it has waited for. */
  waitedFor: string[];
}

/** Even out the placement of one collection (empty: every collection) over the placeable workers. */
export interface RebalanceJobData {
  kind: 'rebalance';
  collection: string;
  /**
   * Queued by the query-load watch: moves lists only when the counted query
   * load calls for it, and gives new workers no shard.
   */
  queryLoadOnly?: boolean;
  /** Set while it waits: lists moved per collection so far, and the collections left to do. */
  soFar?: MovesSoFar & { collections: Record<string, number>; pending: string[] };
}

/** Move every copy off a worker, which no new placement uses until it restarts. */
export interface DrainJobData {
  kind: 'drain';
  workerId: string;
  /** Set while it waits: the collections already moved off the worker. */
  soFar?: MovesSoFar & { collections: string[] };
}

export type JobData =
  | ImportJobData
  | TrainJobData
  | SnapshotJobData
  | RestoreJobData
  | RecoverJobData
  | RebalanceJobData
  | DrainJobData;
export type JobKind = JobData['kind'];

/**
 * What a placement job is moving right now, kept with its progress for the
 * console's cluster map: lists from one shard to another (a rebalance), or
 * a shard's copy from one worker to another (a drain). Lists done of total.
 */
export interface MoveNow {
  collection: string;
  shard: number;
  toShard?: number;
  fromWorker?: string;
  toWorker?: string;
  done: number;
  total: number;
}

/** Progress as jobs report it: units done of all (vectors for imports, lists for snapshots). */
export interface JobProgress {
  percent: number;
  done: number;
  total: number;
  now?: MoveNow;
  /** What the job kept for its next attempt (ProgressSink's `kept`). */
  kept?: Record<string, unknown>;
}

/**
 * Reports progress (and what is moving now, if anything; and what a job
 * keeps for its next attempt, which reads it back in `resumeFrom`); also
 * renews the job's claim so it is not taken for stalled.
 */
export type ProgressSink = (
  done: number,
  total: number,
  now?: MoveNow,
  kept?: Record<string, unknown>,
) => Promise<void>;

/** Runs one job to completion; resolves to its result (stored as JSON). */
export type JobProcessor<D extends JobData = JobData> = (
  data: D,
  progress: ProgressSink,
  resumeFrom: JobProgress | undefined,
) => Promise<Record<string, unknown>>;

/** How often a kind may be tried: only where repeating it is safe. */
export const JOB_ATTEMPTS: Record<JobKind, number> = {
  // Rows are upserted by id, so a repeat (or a resume after a crash) adds nothing twice.
  // More tries than the rest: after a restart it may wait for its collection's refill.
  import: 6,
  // Training is skipped when the collection is already trained.
  train: 2,
  // Blobs are written before the manifest that commits them; a retry starts a fresh snapshot.
  snapshot: 3,
  // Restoring the same lists again replaces them with the same content.
  restore: 2,
  // Re-attaching and re-importing a shard's lists gives the same shard each time.
  recover: 3,
  // Each move leaves a consistent placement: a retry plans again from where the last one stopped.
  rebalance: 2,
  drain: 3,
};

/**
 * Which kind a coordinator runs first (lower first; BullMQ's priorities):
 * refills before everything else, as a collection's other jobs fail until
 * its shards are back.
 */
export const JOB_PRIORITY: Record<JobKind, number> = {
  recover: 1,
  import: 10,
  train: 10,
  snapshot: 10,
  restore: 10,
  rebalance: 10,
  drain: 10,
};
