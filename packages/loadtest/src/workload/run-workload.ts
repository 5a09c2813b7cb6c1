import type { Dataset } from '@vecshard/datasets';
import type { GroundTruth } from '../ground-truth.js';
import { type ProgressSnapshot, RunRecorder } from '../metrics/run-recorder.js';
import { batchRecall } from '../recall.js';
import { buildRunReport, type RunReport } from '../report/run-report.js';
import type { SearchTarget } from '../targets/search-target.js';
import { closedLoop, type Execute, openLoop } from './loops.js';
import { OperationSource } from './operations.js';
import { poissonArrivals } from './poisson-arrivals.js';
import { checkWorkload, runBounds, type WorkloadOptions } from './workload-options.js';

export interface RunHooks {
  /** Called a few times a second with the fraction done (0..1) and running totals. */
  onProgress?: (fraction: number, snapshot: ProgressSnapshot) => void;
  /** How long an open-loop run may keep sending behind schedule (default 10 s). */
  drainMs?: number;
}

const PROGRESS_INTERVAL_MS = 250;
const DEFAULT_MAX_IN_FLIGHT = 256;
const DEFAULT_DRAIN_MS = 10_000;

/** Runs a bounded workload against a loaded target and reports what it measured. */
export async function runWorkload(
  target: SearchTarget,
  dataset: Dataset,
  truth: GroundTruth | undefined,
  workload: WorkloadOptions,
  hooks: RunHooks = {},
): Promise<RunReport> {
  checkWorkload(workload);
  if (truth && workload.k > truth.k)
    throw new RangeError(`k ${workload.k} exceeds the ground truth's ${truth.k}`);
  const bounds = runBounds(workload);
  const source = new OperationSource(dataset, workload);
  const recorder = new RunRecorder();
  const execute: Execute = async (operation, scheduledAt) => {
    try {
      if (operation.kind === 'search') {
        const result = await target.search(operation.queries, workload.k, workload.nprobe);
        const latency = performance.now() - scheduledAt;
        const recall = truth
          ? batchRecall(result.ids, workload.k, truth, operation.firstQuery) * operation.count
          : undefined;
        recorder.recordSearch(latency, operation.count, result.shardsQueried, recall);
      } else {
        await target.upsert(operation.ids, operation.vectors);
        recorder.recordUpsert(performance.now() - scheduledAt, operation.ids.length);
      }
    } catch (error) {
      recorder.recordError(error);
    }
  };
  const progress = hooks.onProgress;
  const ticker = progress
    ? setInterval(() => progress(fractionDone(recorder, bounds), recorder.snapshot()), PROGRESS_INTERVAL_MS)
    : undefined;
  try {
    const next = () => source.next();
    if (workload.loop === 'closed') {
      await closedLoop({ concurrency: workload.concurrency ?? 1, ...bounds, next, execute });
    } else {
      const schedule = poissonArrivals({
        rate: workload.rate!,
        durationMs: bounds.durationMs,
        maxRequests: bounds.requests,
        seed: (workload.seed ?? 1) + 1,
      });
      await openLoop({
        schedule,
        maxInFlight: workload.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
        drainMs: hooks.drainMs ?? DEFAULT_DRAIN_MS,
        next,
        execute,
        onUnsent: (count) => {
          recorder.unsent += count;
        },
      });
    }
  } finally {
    clearInterval(ticker);
    recorder.finish();
  }
  progress?.(1, recorder.snapshot());
  return buildRunReport(recorder, { target: target.name, dataset: dataset.name, workload });
}

function fractionDone(recorder: RunRecorder, bounds: { durationMs: number; requests: number }): number {
  const byTime = recorder.elapsedMs / bounds.durationMs;
  const byCount = (recorder.succeeded + recorder.failed) / bounds.requests;
  return Math.min(1, Math.max(byTime, byCount));
}
