import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findFashionMnist } from '@vecshard/datasets';
import { REPO_ROOT } from './processes.js';

/** A small seeded PRNG (mulberry32), so test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n vectors of `dim` floats around `clusters` random centres (a Gaussian-ish mixture), seeded. */
export function clusteredVectors(n: number, dim: number, seed: number, clusters = 20): Float32Array {
  const random = seededRandom(seed);
  const centres = Float32Array.from({ length: clusters * dim }, () => random() * 10 - 5);
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * clusters);
    for (let d = 0; d < dim; d++) {
      const noise = random() + random() + random() - 1.5;
      out[i * dim + d] = centres[c * dim + d] + noise;
    }
  }
  return out;
}

/** Ids first, first+1, … */
export function sequentialIds(n: number, first = 0): BigInt64Array {
  return BigInt64Array.from({ length: n }, (_, i) => BigInt(first + i));
}

/**
 * Where the Fashion-MNIST IDX files are: the Debian package dataset-fashion-mnist
 * (which the set-up script installs), else a shared/ folder beside the checkout.
 */
export const FASHION_MNIST_DIR =
  findFashionMnist() ?? join(REPO_ROOT, '..', 'shared', 'datasets', 'fashion-mnist');

/** An IDX3 gzip image file as float32 rows (pixel values 0..255), optionally only the first `limit` images. */
export function readIdxImages(
  file: string,
  limit?: number,
): { vectors: Float32Array; dim: number; n: number } {
  const bytes = gunzipSync(readFileSync(join(FASHION_MNIST_DIR, file)));
  const header = new DataView(bytes.buffer, bytes.byteOffset, 16);
  if (header.getUint32(0) !== 0x803) throw new Error(`${file} is not an IDX3 ubyte file`);
  const total = header.getUint32(4);
  const dim = header.getUint32(8) * header.getUint32(12);
  const n = Math.min(total, limit ?? total);
  return { vectors: Float32Array.from(bytes.subarray(16, 16 + n * dim)), dim, n };
}

/** Rows [from, to) of a row-major matrix. */
export function rows(vectors: Float32Array, dim: number, from: number, to: number): Float32Array {
  return vectors.subarray(from * dim, to * dim);
}
