import { errorCodeName } from './error-code.js';
import { LatencyHistogram } from './latency-histogram.js';

/** A running total for the live progress line. */
export interface ProgressSnapshot {
  elapsedMs: number;
  requests: number;
  failed: number;
  queriesPerSecond: number;
  p99Ms: number;
}

/** Everything a run measures, request by request. */
export class RunRecorder {
  readonly searchLatency = new LatencyHistogram();
  readonly upsertLatency = new LatencyHistogram();
  readonly allLatency = new LatencyHistogram();
  readonly errors = new Map<string, number>();
  succeeded = 0;
  failed = 0;
  /** Open-loop arrivals never sent because the target fell too far behind. */
  unsent = 0;
  queriesAnswered = 0;
  vectorsWritten = 0;
  recallSum = 0;
  recallQueries = 0;
  shardsSum = 0;
  shardsMax = 0;
  searches = 0;
  readonly firstError = new Map<string, string>();
  private readonly startedAt = performance.now();
  private endedAt: number | undefined;

  recordSearch(latencyMs: number, queries: number, shardsQueried: number, recallSum?: number): void {
    this.succeeded++;
    this.searches++;
    this.queriesAnswered += queries;
    this.shardsSum += shardsQueried;
    this.shardsMax = Math.max(this.shardsMax, shardsQueried);
    if (recallSum !== undefined) {
      this.recallSum += recallSum;
      this.recallQueries += queries;
    }
    this.searchLatency.record(latencyMs);
    this.allLatency.record(latencyMs);
  }

  recordUpsert(latencyMs: number, vectors: number): void {
    this.succeeded++;
    this.vectorsWritten += vectors;
    this.upsertLatency.record(latencyMs);
    this.allLatency.record(latencyMs);
  }

  recordError(error: unknown): void {
    this.failed++;
    const code = errorCodeName(error);
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    if (!this.firstError.has(code))
      this.firstError.set(code, error instanceof Error ? error.message : String(error));
  }

  finish(): void {
    this.endedAt ??= performance.now();
  }

  get elapsedMs(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }

  snapshot(): ProgressSnapshot {
    const elapsedMs = this.elapsedMs;
    return {
      elapsedMs,
      requests: this.succeeded + this.failed,
      failed: this.failed,
      queriesPerSecond: elapsedMs > 0 ? (this.queriesAnswered * 1000) / elapsedMs : 0,
      p99Ms: this.allLatency.percentileMs(99),
    };
  }
}
