/** What a queued job carries, by kind. Stored in Redis as the BullMQ job's data. */
export interface ImportJobData {
  kind: 'import';
  collection: string;
  path: string;
  firstId: number;
  limit: number;
  batchSize: number;
  trainSize: number;
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

/** A worker came back empty after a restart: give it its shards back. */
export interface RecoverJobData {
  kind: 'recover';
  workerId: string;
  /** Start time of the worker process to recover, so a later restart gets a job of its own. */
  startedAtMs: number;
}

export type JobData = ImportJobData | TrainJobData | SnapshotJobData | RestoreJobData | RecoverJobData;
export type JobKind = JobData['kind'];

/** Progress as jobs report it: units done of all (vectors for imports, lists for snapshots). */
export interface JobProgress {
  percent: number;
  done: number;
  total: number;
}

/** Reports progress; also renews the job's claim so it is not taken for stalled. */
export type ProgressSink = (done: number, total: number) => Promise<void>;

/** Runs one job to completion; resolves to its result (stored as JSON). */
export type JobProcessor<D extends JobData = JobData> = (
  data: D,
  progress: ProgressSink,
  resumeFrom: JobProgress | undefined,
) => Promise<Record<string, unknown>>;

/** How often a kind may be tried: only where repeating it is safe. */
export const JOB_ATTEMPTS: Record<JobKind, number> = {
  // Rows are upserted by id, so a repeat (or a resume after a crash) adds nothing twice.
  import: 3,
  // Training is skipped when the collection is already trained.
  train: 2,
  // Blobs are written before the manifest that commits them; a retry starts a fresh snapshot.
  snapshot: 3,
  // Restoring the same lists again replaces them with the same content.
  restore: 2,
  // Re-attaching and re-importing a shard's lists gives the same shard each time.
  recover: 3,
};
