/**
 * The client's coarse assignment: each query's nprobe nearest centroids,
 * computed in TypeScript from the centroids the routing table carries. FAISS
 * computes the same distances in float32 with its own summation order (SIMD,
 * or BLAS for larger batches), so the two can disagree by a rounding step.
 * That only changes which lists are probed when the nprobe-th and the
 * (nprobe+1)-th centroid are nearly equally close: such a query is flagged
 * doubtful and the caller sends it through the coordinator instead.
 */

/** How distances compare: L2 (smaller is nearer) or inner product (larger is nearer). */
export type CoarseMetric = 'l2' | 'ip' | 'cosine';

export interface Centroids {
  dim: number;
  nlist: number;
  /** nlist·dim float32, row-major, as the quantizer holds them. */
  vectors: Float32Array;
  metric: CoarseMetric;
  /** Squared norm of every centroid, computed once per routing table. */
  squaredNorms: Float64Array;
  /** The largest of them: the scale of the rounding error of any distance. */
  maxSquaredNorm: number;
}

export interface CoarseAssignment {
  /** nq·nprobe list ids, nearest first. */
  lists: BigInt64Array;
  /** nq·nprobe distances matching `lists` (rounded to float32). */
  distances: Float32Array;
  /** Per query: its list set might differ from FAISS's, so route it through the coordinator. */
  doubtful: Uint8Array;
}

/**
 * Relative gap under which the nprobe boundary counts as a tie. A distance of
 * `dim` float32 terms, summed in any order (SIMD lanes, BLAS blocks), errs by
 * at most about (dim + 2)·2⁻²⁴ of the magnitude of its terms (|q|² + |c|² for
 * L2); two distances differ by at most twice that, and the margin doubles it
 * again. For dim 64 that is 1.6e-5 of the magnitude: measured on 100k × 64
 * vectors, IVF256 at nprobe 16, 1e-4 sent 8% of single queries to the
 * coordinator for nothing.
 */
export function doubtMargin(dim: number): number {
  return 4 * (dim + 2) * 2 ** -24;
}

export function centroidsOf(vectors: Float32Array, dim: number, metric: CoarseMetric): Centroids {
  const nlist = vectors.length / dim;
  if (!Number.isInteger(nlist))
    throw new RangeError(`${vectors.length} centroid floats for dimension ${dim}`);
  const squaredNorms = new Float64Array(nlist);
  for (let c = 0; c < nlist; c++) squaredNorms[c] = dot(vectors, c * dim, vectors, c * dim, dim);
  const maxSquaredNorm = squaredNorms.reduce((max, norm) => Math.max(max, norm), 0);
  return { dim, nlist, vectors, metric, squaredNorms, maxSquaredNorm };
}

/** Assigns every query of a batch (nq·dim floats) to its nprobe nearest lists. */
export function assignQueries(
  centroids: Centroids,
  queries: Float32Array,
  nprobe: number,
  margin = doubtMargin(centroids.dim),
): CoarseAssignment {
  const { dim, nlist } = centroids;
  if (!Number.isInteger(nprobe) || nprobe < 1 || nprobe > nlist)
    throw new RangeError(`nprobe must be an integer in 1..${nlist}, got ${nprobe}`);
  const nq = queries.length / dim;
  const out: CoarseAssignment = {
    lists: new BigInt64Array(nq * nprobe),
    distances: new Float32Array(nq * nprobe),
    doubtful: new Uint8Array(nq),
  };
  const scores = new Float64Array(nlist);
  const order = new Int32Array(nlist);
  for (let q = 0; q < nq; q++) {
    const query = queryRow(queries, q, dim, centroids.metric);
    scoreCentroids(centroids, query, scores);
    const picked = nearest(scores, order, Math.min(nprobe + 1, nlist), centroids.metric === 'l2');
    for (let j = 0; j < nprobe; j++) {
      out.lists[q * nprobe + j] = BigInt(picked[j]);
      out.distances[q * nprobe + j] = scores[picked[j]];
    }
    if (
      nprobe < nlist &&
      tooClose(centroids, query, scores[picked[nprobe - 1]], scores[picked[nprobe]], margin)
    )
      out.doubtful[q] = 1;
  }
  return out;
}

/** The query as the quantizer sees it: normalised for cosine (the cluster normalises raw queries). */
function queryRow(queries: Float32Array, q: number, dim: number, metric: CoarseMetric): Float64Array {
  const row = new Float64Array(dim);
  for (let i = 0; i < dim; i++) row[i] = queries[q * dim + i];
  if (metric !== 'cosine') return row;
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += row[i] * row[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dim; i++) row[i] = Math.fround(row[i] / norm);
  return row;
}

/** L2: squared distance; inner product / cosine: the dot product. Computed in double. */
function scoreCentroids(centroids: Centroids, query: Float64Array, scores: Float64Array): void {
  const { dim, nlist, vectors, metric, squaredNorms } = centroids;
  let queryNorm = 0;
  if (metric === 'l2') for (let i = 0; i < dim; i++) queryNorm += query[i] * query[i];
  for (let c = 0; c < nlist; c++) {
    let ip = 0;
    const base = c * dim;
    for (let i = 0; i < dim; i++) ip += query[i] * vectors[base + i];
    scores[c] = metric === 'l2' ? queryNorm + squaredNorms[c] - 2 * ip : ip;
  }
}

/**
 * The `count` best centroids, best first; equal scores keep the lower id first,
 * as FAISS's heap does for its result order.
 */
function nearest(
  scores: Float64Array,
  order: Int32Array,
  count: number,
  smallerIsBetter: boolean,
): Int32Array {
  for (let c = 0; c < order.length; c++) order[c] = c;
  const better = (a: number, b: number) =>
    scores[a] === scores[b] ? a < b : smallerIsBetter ? scores[a] < scores[b] : scores[a] > scores[b];
  // Partial selection: count is nprobe + 1, usually far below nlist.
  for (let i = 0; i < count; i++) {
    let best = i;
    for (let j = i + 1; j < order.length; j++) if (better(order[j], order[best])) best = j;
    const swap = order[i];
    order[i] = order[best];
    order[best] = swap;
  }
  return order.subarray(0, count);
}

/**
 * Whether the last probed and the first unprobed centroid are within the
 * rounding FAISS's float32 arithmetic may introduce. The error of a distance
 * scales with the magnitude of the terms summed, not with the distance itself
 * (an L2 distance is |q|² + |c|² − 2q·c), so the margin is taken of that.
 */
function tooClose(
  centroids: Centroids,
  query: Float64Array,
  last: number,
  next: number,
  margin: number,
): boolean {
  let queryNorm = 0;
  for (let i = 0; i < query.length; i++) queryNorm += query[i] * query[i];
  const maxCentroidNorm = centroids.maxSquaredNorm;
  const magnitude =
    centroids.metric === 'l2'
      ? queryNorm + maxCentroidNorm + Math.abs(last) + Math.abs(next)
      : Math.sqrt(queryNorm * maxCentroidNorm) + Math.abs(last) + Math.abs(next);
  return Math.abs(next - last) <= margin * magnitude;
}

function dot(a: Float32Array, aAt: number, b: Float32Array, bAt: number, dim: number): number {
  let sum = 0;
  for (let i = 0; i < dim; i++) sum += a[aAt + i] * b[bAt + i];
  return sum;
}
