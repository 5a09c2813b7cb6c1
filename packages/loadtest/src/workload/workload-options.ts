/** What a load-test run sends and for how long. Every run is bounded by a duration, a request count, or both. */
export interface WorkloadOptions {
  /** Closed loop: `concurrency` clients each wait for a reply before the next request. Open loop: requests arrive at `rate`. */
  loop: 'closed' | 'open';
  /** Concurrent clients (closed loop; default 1). */
  concurrency?: number;
  /** Mean arrivals per second, Poisson-distributed (open loop). */
  rate?: number;
  /** Requests outstanding at once in the open loop (default 256); later arrivals wait, and their wait counts as latency. */
  maxInFlight?: number;
  /** Queries per search request. */
  batchSize: number;
  k: number;
  nprobe: number;
  /** Share of requests that are upserts (0..1). */
  writeShare: number;
  /** Vectors per upsert request (default: batchSize). */
  writeBatchSize?: number;
  /** Stop issuing after this long. */
  durationMs?: number;
  /** Stop after this many requests. */
  requests?: number;
  /** Seeds the choice of operations, write rows and arrival times. */
  seed?: number;
}

/** The bounds a run may not exceed when the caller gives none: a minute, or a million requests. */
export const DEFAULT_DURATION_MS = 60_000;
export const MAX_REQUESTS = 1_000_000;

export function checkWorkload(options: WorkloadOptions): void {
  const positiveInt = (value: number | undefined, what: string) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new RangeError(`${what} must be a positive integer, got ${value}`);
    }
  };
  positiveInt(options.concurrency, 'concurrency');
  positiveInt(options.maxInFlight, 'max in-flight requests');
  positiveInt(options.batchSize, 'batch size');
  positiveInt(options.k, 'k');
  positiveInt(options.nprobe, 'nprobe');
  positiveInt(options.writeBatchSize, 'write batch size');
  positiveInt(options.requests, 'request count');
  if (options.requests !== undefined && options.requests > MAX_REQUESTS) {
    throw new RangeError(`request count is capped at ${MAX_REQUESTS}, got ${options.requests}`);
  }
  if (options.durationMs !== undefined && !(options.durationMs > 0)) {
    throw new RangeError(`duration must be positive, got ${options.durationMs} ms`);
  }
  if (!(options.writeShare >= 0 && options.writeShare <= 1)) {
    throw new RangeError(`write share must be between 0 and 1, got ${options.writeShare}`);
  }
  if (options.loop === 'open' && !(options.rate !== undefined && options.rate > 0)) {
    throw new RangeError('an open-loop run needs a positive rate (requests per second)');
  }
}

/** The run's bounds: the given ones, or the default duration when neither is given. */
export function runBounds(options: WorkloadOptions): { durationMs: number; requests: number } {
  const unbounded = options.durationMs === undefined && options.requests === undefined;
  return {
    durationMs: options.durationMs ?? (unbounded ? DEFAULT_DURATION_MS : Number.POSITIVE_INFINITY),
    requests: options.requests ?? MAX_REQUESTS,
  };
}
