import type { JobDescription, VecshardClient } from '@vecshard/client';
import { Presets, SingleBar } from 'cli-progress';

/** What a unit of a job's work is called, by kind. */
const UNITS: Record<string, string> = {
  import: 'vectors',
  snapshot: 'lists',
  restore: 'lists',
  recover: 'shards',
  rebalance: 'lists',
  drain: 'lists',
};

export interface FollowOptions {
  /** Print the queued job and return at once. */
  detach?: boolean;
  out?: NodeJS.WriteStream;
}

/**
 * Follows a job to its end: a progress bar on a terminal, plain progress
 * lines otherwise (logs, CI). Prints the result and resolves with the job; a
 * failed job rejects with its reason.
 */
export async function followJob(
  client: VecshardClient,
  queued: JobDescription,
  options: FollowOptions = {},
): Promise<JobDescription> {
  const out = options.out ?? process.stdout;
  out.write(`job ${queued.id}: ${queued.kind} of "${queued.collection}" ${queued.state}\n`);
  if (options.detach) return queued;
  const display = out.isTTY ? barDisplay(out, queued) : lineDisplay(out);
  try {
    const job = await client.waitForJob(queued.id, { onProgress: display.update });
    display.stop(job);
    out.write(`job ${job.id}: completed ${JSON.stringify(job.result)}\n`);
    return job;
  } catch (error) {
    display.stop();
    throw error;
  }
}

interface ProgressDisplay {
  update(job: JobDescription): void;
  stop(job?: JobDescription): void;
}

function barDisplay(out: NodeJS.WriteStream, queued: JobDescription): ProgressDisplay {
  const unit = UNITS[queued.kind] ?? 'units';
  const bar = new SingleBar(
    {
      stream: out,
      format: `${queued.kind} [{bar}] {percentage}% | {value}/{total} ${unit} | {state}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(1, 0, { state: queued.state });
  return {
    update: (job) => {
      bar.setTotal(Math.max(1, job.total));
      bar.update(job.done, { state: job.state });
    },
    stop: (job) => {
      if (job) bar.update(Math.max(1, job.total), { state: job.state });
      bar.stop();
    },
  };
}

function lineDisplay(out: NodeJS.WriteStream): ProgressDisplay {
  return {
    update: (job) => {
      const unit = UNITS[job.kind] ?? 'units';
      out.write(
        `job ${job.id}: ${job.state} ${job.progress.toFixed(1)}% (${job.done}/${job.total} ${unit})\n`,
      );
    },
    stop: () => {},
  };
}
