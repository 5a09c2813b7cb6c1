/**
 * The cluster's failure detectors, which the faults must outlast to mean
 * anything: a fault shorter than the detector is only a slow call.
 */

/**
 * A worker's alive key lives 3 s (HEARTBEAT_TTL_MS, packages/proto/src/cluster-keys.ts)
 * and coordinators re-read the workers every second (WorkerDirectory): a
 * silent worker is treated as down within 4 s.
 */
export const WORKER_DOWN_AFTER_MS = 3000 + 1000;

/**
 * A worker answers reads only while Redis accepted one of its heartbeats in
 * the last 8 s (READ_LEASE_MS, packages/proto/src/cluster-keys.ts); a
 * coordinator that demotes a copy it cannot reach waits that long before it
 * acknowledges. A worker fault must outlast it too.
 */
export const WORKER_READ_LEASE_MS = 8000;

/** The longest a worker's fault must last to be noticed by every detector. */
export const WORKER_DETECTORS_MS = Math.max(WORKER_DOWN_AFTER_MS, WORKER_READ_LEASE_MS);

/** A job whose coordinator stops renewing its lock is taken over after 10 s (--job-lock-ms). */
export const JOB_LOCK_MS = 10_000;

/** Margin past a detector's timeout, so the fault is certainly noticed on a busy 2-core machine. */
export const DETECTION_MARGIN_MS = 4000;
