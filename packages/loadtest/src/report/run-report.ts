import type { LatencySummary } from '../metrics/latency-histogram.js';
import type { RunRecorder } from '../metrics/run-recorder.js';
import type { WorkloadOptions } from '../workload/workload-options.js';

/** The outcome of one load-test run, as written to JSON. */
export interface RunReport {
  target: string;
  dataset: string;
  workload: WorkloadOptions;
  elapsedSeconds: number;
  requests: { succeeded: number; failed: number; unsent: number };
  throughput: {
    requestsPerSecond: number;
    /** Queries answered per second (a batch of 10 counts 10). */
    queriesPerSecond: number;
    vectorsWrittenPerSecond: number;
  };
  latencyMs: { all: LatencySummary; search: LatencySummary; upsert: LatencySummary };
  /** Failed requests by status name (e.g. DEADLINE_EXCEEDED), and the first message of each. */
  errors: Record<string, { count: number; example: string }>;
  /** Mean recall@k over answered queries; null without ground truth. */
  recallAtK: number | null;
  /** Shards each search request reached (a batch counts once); null when no search succeeded. */
  shardsPerSearch: { mean: number; max: number } | null;
}

export function buildRunReport(
  recorder: RunRecorder,
  context: { target: string; dataset: string; workload: WorkloadOptions },
): RunReport {
  const seconds = recorder.elapsedMs / 1000;
  const perSecond = (n: number) => (seconds > 0 ? n / seconds : 0);
  const errors: RunReport['errors'] = {};
  for (const [code, count] of recorder.errors)
    errors[code] = { count, example: recorder.firstError.get(code) ?? '' };
  return {
    ...context,
    elapsedSeconds: seconds,
    requests: { succeeded: recorder.succeeded, failed: recorder.failed, unsent: recorder.unsent },
    throughput: {
      requestsPerSecond: perSecond(recorder.succeeded),
      queriesPerSecond: perSecond(recorder.queriesAnswered),
      vectorsWrittenPerSecond: perSecond(recorder.vectorsWritten),
    },
    latencyMs: {
      all: recorder.allLatency.summary(),
      search: recorder.searchLatency.summary(),
      upsert: recorder.upsertLatency.summary(),
    },
    errors,
    recallAtK: recorder.recallQueries > 0 ? recorder.recallSum / recorder.recallQueries : null,
    shardsPerSearch:
      recorder.searches > 0
        ? { mean: recorder.shardsSum / recorder.searches, max: recorder.shardsMax }
        : null,
  };
}
