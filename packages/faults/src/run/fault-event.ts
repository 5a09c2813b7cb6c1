/**
 * One nemesis firing, on the history's clock (HistoryRecorder.now, ms): when
 * it was injected, when it took effect, when it was healed, and how the
 * cluster came back.
 */
export interface FaultEvent {
  nemesis: string;
  /** What was done, one line per fault ("kill -9 worker-2"), with what followed ("redis-1 promoted"). */
  faults: string[];
  injectedMs: number;
  healedMs: number;
  /** From the heal until an acknowledged write sent after it; undefined: none within the wait. */
  writesBackMs?: number;
  readsBackMs?: number;
  /** From the heal until each recovery check passed (writes, reads, redis, every copy ready), ms. */
  settledMs: Record<string, number>;
  /** What had not come back when the recovery wait gave up (empty: everything did). */
  notRecovered: string[];
  /** Errors of the nemesis itself: an injection, effect or heal that failed. */
  errors: string[];
}
