import { READ_LEASE_MS, unavailable } from '@vecshard/proto';

/**
 * Whether this worker may answer reads: only while Redis accepted one of its
 * heartbeats less than READ_LEASE_MS ago, counted from when that heartbeat
 * was sent. Each accepted heartbeat also brought the fences set on this
 * worker's copies (copies that missed writes), applied before the lease is
 * renewed. A coordinator that demotes a copy it cannot reach writes the
 * fence, then waits out the lease before it acknowledges the write: by then
 * the copy has either seen the fence or stopped answering. A worker paused,
 * or cut off from Redis, so never serves a value older than an acknowledged
 * write. The clock is monotonic: it keeps running while the process is
 * stopped.
 */
export class ReadLease {
  private validUntil = Number.NEGATIVE_INFINITY;

  constructor(private readonly leaseMs = READ_LEASE_MS) {}

  /** A heartbeat sent at `sentAt` (performance.now()) was accepted by Redis. */
  renewedBy(sentAt: number): void {
    this.validUntil = Math.max(this.validUntil, sentAt + this.leaseMs);
  }

  /** Throws UNAVAILABLE once the lease has lapsed: another copy must answer. */
  assertValid(): void {
    const lapsedFor = performance.now() - this.validUntil;
    if (lapsedFor <= 0) return;
    throw unavailable(
      Number.isFinite(lapsedFor)
        ? `this worker's read lease lapsed ${Math.round(lapsedFor)} ms ago (Redis has not accepted a ` +
            'heartbeat of it since): it cannot tell whether its copies missed writes'
        : 'this worker has not yet had a heartbeat accepted by Redis: it answers reads after the first',
    );
  }
}
