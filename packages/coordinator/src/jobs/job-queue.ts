import { type Job, notFound, openRedis } from '@vecshard/proto';
import { type Job as BullJob, DelayedError, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  JOB_ATTEMPTS,
  JOB_PRIORITY,
  type JobData,
  type JobKind,
  type JobProcessor,
  type MoveNow,
  type ProgressSink,
  type RecoverJobData,
} from './job-kinds.js';
import { progressOf, toJobMessage } from './job-view.js';
import { RetryLater } from './retry-later.js';

export interface JobQueueOptions {
  redisUrl: string;
  /** Redis key prefix of the cluster (jobs live under `<prefix>:jobs`). */
  keyPrefix: string;
  /** How long a running job's claim lasts without renewal; a dead coordinator's job is taken over after it. */
  lockMs?: number;
  onError?: (error: unknown) => void;
  /** Told when a job puts itself back to wait (see RetryLater), and why. */
  onRetryLater?: (jobId: string, why: string) => void;
}

const QUEUE = 'jobs';

/** A job as the API shows it, plus what it is moving now (placement jobs) or refilling (refills). */
export type JobWithMove = Job & { now?: MoveNow; refilling?: RecoverJobData };

/**
 * The cluster's long work, queued in Redis with BullMQ. Every coordinator both
 * queues and runs jobs (one at a time), so a job whose coordinator dies is
 * found stalled and taken over by another, or by the same one restarted.
 */
export class JobQueue {
  private readonly queue: Queue<JobData>;
  private worker?: Worker<JobData>;
  private readonly connections: Redis[] = [];

  constructor(
    private readonly options: JobQueueOptions,
    private readonly processors: { [K in JobKind]: JobProcessor<Extract<JobData, { kind: K }>> },
  ) {
    this.queue = new Queue<JobData>(QUEUE, { connection: this.connection(), prefix: this.prefix });
  }

  private get prefix(): string {
    return `${this.options.keyPrefix}:bull`;
  }

  /** BullMQ wants connections that retry forever rather than fail commands. */
  private connection(): Redis {
    const redis = openRedis(this.options.redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', (error) => this.options.onError?.(error));
    this.connections.push(redis);
    return redis;
  }

  /** Starts running queued jobs in this process. */
  start(): void {
    const lockDuration = this.options.lockMs ?? 10_000;
    this.worker = new Worker<JobData>(QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection(),
      prefix: this.prefix,
      concurrency: 1,
      lockDuration,
      stalledInterval: Math.max(1000, lockDuration / 2),
      maxStalledCount: 3,
    });
    this.worker.on('error', (error) => this.options.onError?.(error));
  }

  /**
   * Queues a job. With a `jobId`, a job of that id already queued (by this or
   * another coordinator) is returned instead of a second one.
   */
  async enqueue(data: JobData, jobId?: string): Promise<Job> {
    const job = await this.queue.add(data.kind, data, {
      jobId,
      attempts: JOB_ATTEMPTS[data.kind],
      priority: JOB_PRIORITY[data.kind],
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    });
    return toJobMessage(job, 'waiting');
  }

  /**
   * The job as it is now. Its state is read before its fields: a job finishes
   * (result and state together) between two reads, and read the other way
   * round a finished job could be shown with the result it had not yet.
   */
  /**
   * Makes sure a job of this id will run: queues it when unknown, runs a
   * failed one again, leaves a queued or running one be. Resolves to what it
   * found: a job it (re)queued, one already pending, or one completed.
   */
  async ensure(data: JobData, jobId: string): Promise<'queued' | 'pending' | 'completed'> {
    const state = await this.queue.getJobState(jobId);
    if (state === 'completed') return 'completed';
    if (state === 'failed') await (await this.queue.getJob(jobId))?.retry('failed');
    else if (state === 'unknown') await this.enqueue(data, jobId);
    else return 'pending';
    return 'queued';
  }

  /** The data of every job queued or running (not finished). */
  async pendingData(): Promise<JobData[]> {
    const jobs = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized', 'paused']);
    return jobs.filter((job) => job !== undefined).map((job) => job.data);
  }

  async get(id: string): Promise<Job> {
    const state = id ? await this.queue.getJobState(id) : 'unknown';
    const job = state === 'unknown' ? undefined : await this.queue.getJob(id);
    if (!job) throw notFound(`job "${id}" does not exist (finished jobs are kept for 7 days)`);
    return toJobMessage(job, state);
  }

  /**
   * Yields the job now and each time its state or progress changes, until it
   * completes or fails. BullMQ keeps no change feed per job, so this polls.
   */
  async *follow(id: string, pollMs = 200): AsyncGenerator<Job> {
    let last = '';
    for (;;) {
      const job = await this.get(id);
      const seen = `${job.state}|${job.progress}|${job.done}|${job.attempts}|${job.error}`;
      if (seen !== last) {
        yield job;
        last = seen;
      }
      if (job.state === 'JOB_STATE_COMPLETED' || job.state === 'JOB_STATE_FAILED') return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /**
   * The newest jobs of every state (running first), with what each is moving
   * now, for the console: at most `limit`.
   */
  async recent(limit: number): Promise<JobWithMove[]> {
    const states = ['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'] as const;
    const found: JobWithMove[] = [];
    for (const state of states) {
      // Read every second while a console is open: of the finished ones, only the newest few.
      const finished = state === 'completed' || state === 'failed';
      const jobs = await this.queue.getJobs([state], 0, (finished ? Math.min(limit, 25) : limit) - 1);
      for (const job of jobs) {
        if (!job) continue;
        found.push({
          ...toJobMessage(job, state),
          now: state === 'active' ? progressOf(job)?.now : undefined,
          refilling: job.data.kind === 'recover' ? job.data : undefined,
        });
      }
    }
    const running = (job: Job) => Number(job.state === 'JOB_STATE_RUNNING');
    return found
      .sort((a, b) => running(b) - running(a) || Number(b.createdAtMs) - Number(a.createdAtMs))
      .slice(0, limit);
  }

  private async process(job: BullJob<JobData>, token?: string): Promise<Record<string, unknown>> {
    const processor = this.processors[job.data.kind] as JobProcessor;
    if (!processor) throw new UnrecoverableError(`jobs of kind "${job.data.kind}" are not known`);
    const report: ProgressSink = async (done, total, now, kept) => {
      const percent = total > 0 ? Math.min(100, (100 * done) / total) : 0;
      await job.updateProgress({ percent, done, total, ...(now ? { now } : {}), ...(kept ? { kept } : {}) });
    };
    try {
      return await processor(job.data, report, progressOf(job));
    } catch (error) {
      if (error instanceof RetryLater) {
        this.options.onRetryLater?.(job.id ?? '', error.message);
        await job.updateData(error.data);
        await job.moveToDelayed(Date.now() + error.afterMs, token);
        throw new DelayedError();
      }
      // Bad input will not get better on a retry.
      if ((error as { permanent?: boolean }).permanent)
        throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    for (const redis of this.connections) redis.disconnect();
  }
}

/** Marks an error as one a retry cannot fix (bad path, unknown collection …). */
export function permanent(error: Error): Error {
  return Object.assign(error, { permanent: true });
}
