import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Dataset, readIvecs, sequentialIds, writeIvecs } from '@vecshard/datasets';
import { FaissIndex, type Metric } from '@vecshard/faiss';

/** The exact `k` nearest base rows of every query, row-major. */
export interface GroundTruth {
  ids: Int32Array;
  k: number;
}

export interface GroundTruthOptions {
  k: number;
  metric?: Metric;
  /** Where computed ground truth is kept between runs (default `.vecshard/cache` under the working directory). */
  cacheDir?: string;
}

export const DEFAULT_CACHE_DIR = '.vecshard/cache';

/** Queries are searched in slices so the result buffers stay small for big query sets. */
const QUERY_SLICE = 1024;

/**
 * Exact neighbours by brute force (a FAISS `Flat` index), cached on disk as
 * ivecs under a hash of the data, metric and k: the 1M-vector benchmark pays
 * for the exhaustive search once, not on every run.
 */
export async function groundTruth(dataset: Dataset, options: GroundTruthOptions): Promise<GroundTruth> {
  const { k } = options;
  const metric = options.metric ?? 'l2';
  if (dataset.groundTruth && dataset.groundTruth.k >= k && metric === 'l2') {
    return { ids: firstColumns(dataset.groundTruth, k, dataset.queryCount), k };
  }
  const file = groundTruthCacheFile(dataset, k, metric, options.cacheDir);
  if (existsSync(file)) {
    const cached = readIvecs(file);
    if (cached.dim === k && cached.count === dataset.queryCount) return { ids: cached.values, k };
  }
  const ids = await exactNeighbours(dataset, k, metric);
  mkdirSync(resolve(file, '..'), { recursive: true });
  // Written aside and renamed, so a run killed mid-write never leaves a truncated cache entry.
  const partial = `${file}.${process.pid}.partial`;
  writeIvecs(partial, ids, k);
  renameSync(partial, file);
  return { ids, k };
}

/** The cache file for a dataset's ground truth: a hash of its vectors, queries, metric and k. */
export function groundTruthCacheFile(dataset: Dataset, k: number, metric: Metric, cacheDir?: string): string {
  const hash = createHash('sha256');
  hash.update(
    `ground-truth v1 dim=${dataset.dim} n=${dataset.count} nq=${dataset.queryCount} ${metric} k=${k}\n`,
  );
  hash.update(bytesOf(dataset.base));
  hash.update(bytesOf(dataset.queries));
  return join(
    resolve(cacheDir ?? DEFAULT_CACHE_DIR),
    `ground-truth-${hash.digest('hex').slice(0, 32)}.ivecs`,
  );
}

async function exactNeighbours(dataset: Dataset, k: number, metric: Metric): Promise<Int32Array> {
  const index = FaissIndex.create(dataset.dim, 'Flat', metric);
  await index.add(dataset.base, sequentialIds(dataset.count));
  const ids = new Int32Array(dataset.queryCount * k);
  for (let from = 0; from < dataset.queryCount; from += QUERY_SLICE) {
    const to = Math.min(dataset.queryCount, from + QUERY_SLICE);
    const slice = dataset.queries.subarray(from * dataset.dim, to * dataset.dim);
    const { labels } = await index.search(slice, k);
    for (let i = 0; i < labels.length; i++) ids[from * k + i] = Number(labels[i]);
  }
  return ids;
}

function firstColumns(truth: GroundTruth, k: number, rows: number): Int32Array {
  if (truth.k === k) return truth.ids.subarray(0, rows * k);
  const out = new Int32Array(rows * k);
  for (let q = 0; q < rows; q++) out.set(truth.ids.subarray(q * truth.k, q * truth.k + k), q * k);
  return out;
}

function bytesOf(array: Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
