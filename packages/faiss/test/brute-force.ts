import type { SearchResult } from '../src/index.js';

/** The largest float32, with which FAISS pads rows that have fewer than k results (negated for inner product). */
export const FLT_MAX = 3.4028234663852886e38;

/**
 * Exact k-NN in plain JavaScript (float64 sums): for each query, the k best of the
 * rows `accept(query, row)` lets through, best first, padded as FAISS pads (label -1,
 * distance ±FLT_MAX). `l2` is the squared distance, `ip` the inner product.
 */
export function bruteForce(
  queries: Float32Array,
  vectors: Float32Array,
  ids: BigInt64Array,
  dim: number,
  k: number,
  metric: 'l2' | 'ip',
  accept: (query: number, row: number) => boolean = () => true,
): SearchResult {
  const nq = queries.length / dim;
  const n = ids.length;
  const distances = new Float32Array(nq * k).fill(metric === 'l2' ? FLT_MAX : -FLT_MAX);
  const labels = new BigInt64Array(nq * k).fill(-1n);
  for (let q = 0; q < nq; q++) {
    const scored: { d: number; id: bigint }[] = [];
    for (let row = 0; row < n; row++) {
      if (!accept(q, row)) continue;
      let sum = 0;
      for (let j = 0; j < dim; j++) {
        const a = queries[q * dim + j];
        const b = vectors[row * dim + j];
        sum += metric === 'l2' ? (a - b) * (a - b) : a * b;
      }
      scored.push({ d: sum, id: ids[row] });
    }
    scored.sort(metric === 'l2' ? (a, b) => a.d - b.d : (a, b) => b.d - a.d);
    for (let i = 0; i < Math.min(k, scored.length); i++) {
      distances[q * k + i] = scored[i].d;
      labels[q * k + i] = scored[i].id;
    }
  }
  return { distances, labels };
}

/** Each row scaled to unit length, as the binding stores and queries cosine collections. */
export function normalised(vectors: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(vectors.length);
  for (let row = 0; row < vectors.length / dim; row++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += vectors[row * dim + j] ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dim; j++) out[row * dim + j] = vectors[row * dim + j] * scale;
  }
  return out;
}

/** A seeded choice of about `fraction` of the ids (deterministic across runs). */
export function sampleIds(ids: BigInt64Array, fraction: number, seed: number): BigInt64Array {
  let state = seed >>> 0;
  const picked: bigint[] = [];
  for (const id of ids) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    if (state / 4294967296 < fraction) picked.push(id);
  }
  return BigInt64Array.from(picked);
}
