/** Recent latencies kept per shard, for the hedging delay. */
const LATENCY_WINDOW = 256;
/** Weight of the newest sample in a worker's moving average latency. */
const EWMA_WEIGHT = 0.2;

/** How long a copy that lost a hedge race is asked only when no other copy can be. */
const SLOW_FOR_MS = 1000;

/** A shard's recent latencies, and the sorted copy quantiles are read from. */
interface LatencyWindow {
  samples: Float64Array;
  next: number;
  count: number;
  /** Sorted samples, taken again only after SORT_EVERY new ones: reads ask for a quantile each time. */
  sorted?: Float64Array;
  sinceSorted: number;
}

/** New samples after which a window's sorted copy is taken again. */
const SORT_EVERY = 16;

interface WorkerLoad {
  outstanding: number;
  ewmaMs: number;
  /** Until then the worker counts as slow: it lost a hedge race (a hung worker keeps losing them). */
  slowUntil: number;
}

/**
 * What this coordinator sees of each worker's load: calls outstanding and a
 * moving average of their latency; and each shard's recent latencies. Copies
 * are chosen by the product of the two (in the spirit of Elasticsearch's
 * adaptive replica selection and C3): a slow or piled-up worker is asked
 * last, a hung one soon never.
 */
export class ReplicaLoad {
  private readonly workers = new Map<string, WorkerLoad>();
  private readonly shardLatencies = new Map<string, LatencyWindow>();

  /** `now` is the clock slowness is timed with (tests pass their own). */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Worker ids from the least to the most loaded; equal ones in random order,
   * so load spreads. Copies marked slow come last, the most recently marked
   * last of all: a stopped worker keeps being marked, a briefly slow one
   * recovers.
   */
  order(workerIds: string[]): string[] {
    const now = this.now();
    const scored = workerIds.map((id) => {
      const slowUntil = this.workers.get(id)?.slowUntil ?? 0;
      return { id, slow: slowUntil > now ? slowUntil : 0, score: this.score(id), tie: Math.random() };
    });
    scored.sort((a, b) => a.slow - b.slow || a.score - b.score || a.tie - b.tie);
    return scored.map((s) => s.id);
  }

  /** Counts a call to a worker as outstanding; the returned function ends it. */
  begin(workerId: string, shardKey: string): (ok: boolean) => void {
    const load = this.load(workerId);
    load.outstanding++;
    const started = performance.now();
    return (ok) => {
      load.outstanding--;
      const ms = performance.now() - started;
      load.ewmaMs = load.ewmaMs === 0 ? ms : load.ewmaMs + EWMA_WEIGHT * (ms - load.ewmaMs);
      if (ok) this.record(shardKey, ms);
    };
  }

  /** The shard's recent latency at quantile q (e.g. 0.95), or undefined before any sample. */
  quantile(shardKey: string, q: number): number | undefined {
    const window = this.shardLatencies.get(shardKey);
    if (!window || window.count === 0) return undefined;
    if (!window.sorted || window.sinceSorted >= SORT_EVERY) {
      window.sorted = window.samples.slice(0, window.count).sort();
      window.sinceSorted = 0;
    }
    const sorted = window.sorted;
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  /**
   * A copy whose request was overtaken by a hedge: asked last for a while,
   * since its cancelled request no longer counts as outstanding and would
   * otherwise make a hung worker look idle.
   */
  markSlow(workerId: string): void {
    this.load(workerId).slowUntil = this.now() + SLOW_FOR_MS;
  }

  private score(workerId: string): number {
    const load = this.workers.get(workerId);
    if (!load) return 0;
    return (1 + load.outstanding) * Math.max(load.ewmaMs, 0.05);
  }

  private load(workerId: string): WorkerLoad {
    let load = this.workers.get(workerId);
    if (!load) {
      load = { outstanding: 0, ewmaMs: 0, slowUntil: 0 };
      this.workers.set(workerId, load);
    }
    return load;
  }

  private record(shardKey: string, ms: number): void {
    let window = this.shardLatencies.get(shardKey);
    if (!window) {
      window = { samples: new Float64Array(LATENCY_WINDOW), next: 0, count: 0, sinceSorted: 0 };
      this.shardLatencies.set(shardKey, window);
    }
    window.samples[window.next] = ms;
    window.sinceSorted++;
    window.next = (window.next + 1) % LATENCY_WINDOW;
    window.count = Math.min(LATENCY_WINDOW, window.count + 1);
  }
}
