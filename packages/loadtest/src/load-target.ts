import { type Dataset, sequentialIds } from '@vecshard/datasets';
import type { SearchTarget } from './targets/search-target.js';

export interface LoadOptions {
  /** Vectors the coarse quantizer is trained on: the first rows of the base (default 50 000, or all if fewer). */
  trainCount?: number;
  /** Vectors per add request. */
  batchSize?: number;
  /**
   * Add requests in flight at once (default 2), as a bulk loader with a few
   * writers would send them: a cluster overlaps one batch's assignment with
   * the previous one's storage; a single FAISS index takes them in turn.
   */
  inFlight?: number;
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
const DEFAULT_IN_FLIGHT = 2;

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
  const inFlight = new Set<Promise<void>>();
  let loaded = 0;
  try {
    for (let from = 0; from < dataset.count; from += batch) {
      const to = Math.min(dataset.count, from + batch);
      const request: Promise<void> = target
        .add(sequentialIds(to - from, from), dataset.base.subarray(from * dataset.dim, to * dataset.dim))
        .then(() => {
          inFlight.delete(request);
          loaded += to - from;
          options.onProgress?.(loaded, dataset.count);
        });
      inFlight.add(request);
      if (inFlight.size >= (options.inFlight ?? DEFAULT_IN_FLIGHT)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Let the other requests settle so none fails unobserved, then report the first failure.
    await Promise.allSettled(inFlight);
    throw error;
  }
  const addSeconds = (performance.now() - addStart) / 1000;
  return {
    trainSeconds: (addStart - trainStart) / 1000,
    addSeconds,
    vectorsPerSecond: addSeconds > 0 ? dataset.count / addSeconds : 0,
  };
}
