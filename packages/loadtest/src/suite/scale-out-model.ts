/**
 * Projects the cluster's aggregate batch QPS onto more workers from what one
 * run measured: the workers' CPU per query, the fan-out and the coordinator's
 * CPU per query. Each worker and each coordinator is assumed to run on a
 * machine of its own with `cores` cores kept busy by batch traffic.
 *
 *   worker CPU per query     W(n) = a·nprobe + b·s(n)
 *     a = scan ms per probed list, b = ms per shard visited; fitted by least
 *     squares over the nprobe sweep on W_measured = a·nprobe + b·s_measured
 *   fan-out                  s(n) = n·(1 − (1 − 1/n)^nprobe)   (probed lists spread evenly over n shards)
 *   coordinator per query    K(n) = K·s(n)/s_measured           (dispatch and merge grow with the fan-out)
 *   worker-bound QPS         Q_w(n) = n·cores·1000 / W(n)
 *   one coordinator          Q_1(n) = min(Q_w(n), cores·1000 / K(n))
 *   coordinators for Q_w     m(n) = ⌈Q_w(n)·K(n) / (cores·1000)⌉
 *
 * The client's CPU is left out: clients run on the callers' machines.
 */

/** What the model takes from one measured row of the cluster mode. */
export interface MeasuredPoint {
  nprobe: number;
  /** Mean shards a query reached. */
  shardsPerQuery: number;
  /** CPU ms per query of all workers together. */
  workerCpuMs: number;
  /** CPU ms per query of the coordinator. */
  coordinatorCpuMs: number;
}

/** Worker CPU per query split into a part per probed list and a part per shard visited. */
export interface WorkerCost {
  msPerList: number;
  msPerShardVisit: number;
}

export interface ScaleOutProjection {
  workers: number;
  nprobe: number;
  fanOut: number;
  workerCpuMs: number;
  coordinatorCpuMs: number;
  /** QPS the workers sustain with as many coordinators as needed. */
  workerBoundQps: number;
  coordinatorsNeeded: number;
  /** QPS with a single coordinator. */
  oneCoordinatorQps: number;
}

/** Expected distinct shards among `nprobe` lists placed evenly at random over `shards` shards. */
export function expectedFanOut(shards: number, nprobe: number): number {
  return shards * (1 - (1 - 1 / shards) ** nprobe);
}

/**
 * Least squares of W = a·nprobe + b·s through the origin, with a and b kept ≥ 0.
 * When the points cannot separate the two (one point, or s proportional to
 * nprobe), all worker CPU is charged to the lists probed.
 */
export function fitWorkerCost(points: readonly MeasuredPoint[]): WorkerCost {
  const sum = (f: (p: MeasuredPoint) => number) => points.reduce((total, p) => total + f(p), 0);
  const xx = sum((p) => p.nprobe * p.nprobe);
  const ss = sum((p) => p.shardsPerQuery * p.shardsPerQuery);
  const xs = sum((p) => p.nprobe * p.shardsPerQuery);
  const xw = sum((p) => p.nprobe * p.workerCpuMs);
  const sw = sum((p) => p.shardsPerQuery * p.workerCpuMs);
  const det = xx * ss - xs * xs;
  const listsOnly = { msPerList: xx > 0 ? xw / xx : 0, msPerShardVisit: 0 };
  if (points.length < 2 || det <= 1e-9 * xx * ss) return listsOnly;
  const a = (xw * ss - sw * xs) / det;
  const b = (sw * xx - xw * xs) / det;
  if (a < 0) return { msPerList: 0, msPerShardVisit: ss > 0 ? sw / ss : 0 };
  if (b < 0) return listsOnly;
  return { msPerList: a, msPerShardVisit: b };
}

/** The projection for `workers` workers at one measured nprobe. */
export function projectScaleOut(
  point: MeasuredPoint,
  cost: WorkerCost,
  workers: number,
  cores: number,
): ScaleOutProjection {
  const fanOut = expectedFanOut(workers, point.nprobe);
  const workerCpuMs = cost.msPerList * point.nprobe + cost.msPerShardVisit * fanOut;
  const coordinatorCpuMs =
    point.shardsPerQuery > 0 ? (point.coordinatorCpuMs * fanOut) / point.shardsPerQuery : 0;
  const coreMsPerSecond = cores * 1000;
  const workerBoundQps =
    workerCpuMs > 0 ? (workers * coreMsPerSecond) / workerCpuMs : Number.POSITIVE_INFINITY;
  const coordinatorQps = coordinatorCpuMs > 0 ? coreMsPerSecond / coordinatorCpuMs : Number.POSITIVE_INFINITY;
  return {
    workers,
    nprobe: point.nprobe,
    fanOut,
    workerCpuMs,
    coordinatorCpuMs,
    workerBoundQps,
    coordinatorsNeeded: Math.max(1, Math.ceil((workerBoundQps * coordinatorCpuMs) / coreMsPerSecond)),
    oneCoordinatorQps: Math.min(workerBoundQps, coordinatorQps),
  };
}
