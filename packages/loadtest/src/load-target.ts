import { type Dataset, sequentialIds } from '@vecshard/datasets';
import type { SearchTarget } from './targets/search-target.js';

export interface LoadOptions {
  /** Vectors the coarse quantizer is trained on: the first rows of the base (default 50 000, or all if fewer). */
  trainCount?: number;
  /** Vectors per add request. */
  batchSize?: number;
  onProgress?: (loaded: number, total: number) => void;
}

export interface LoadResult {
  trainSeconds: number;
  addSeconds: number;
  /** Vectors added per second, training excluded. */
  vectorsPerSecond: number;
}

const DEFAULT_TRAIN_COUNT = 50_000;
const DEFAULT_BATCH = 10_000;

/** Trains the target on a sample of the base, then adds every base vector under its row number. */
export async function loadTarget(
  target: SearchTarget,
  dataset: Dataset,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const trainCount = Math.min(dataset.count, options.trainCount ?? DEFAULT_TRAIN_COUNT);
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const trainStart = performance.now();
  await target.train(dataset.base.subarray(0, trainCount * dataset.dim));
  const addStart = performance.now();
  for (let from = 0; from < dataset.count; from += batch) {
    const to = Math.min(dataset.count, from + batch);
    await target.add(
      sequentialIds(to - from, from),
      dataset.base.subarray(from * dataset.dim, to * dataset.dim),
    );
    options.onProgress?.(to, dataset.count);
  }
  const addSeconds = (performance.now() - addStart) / 1000;
  return {
    trainSeconds: (addStart - trainStart) / 1000,
    addSeconds,
    vectorsPerSecond: addSeconds > 0 ? dataset.count / addSeconds : 0,
  };
}
