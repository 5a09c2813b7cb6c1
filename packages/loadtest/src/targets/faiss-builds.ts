import type { Metric } from '@vecshard/faiss';
import * as faiss from '@vecshard/faiss';

/**
 * The FAISS build API (`FaissIndex.create(…, { build })`, `faissBuild()`,
 * `measureReadBandwidth()`) seen through one narrow door: where the loaded
 * @vecshard/faiss lacks it, this behaves as the generic build and bandwidth
 * is NaN. Once that API is everywhere, callers import it directly and this
 * file goes.
 */
export type FaissBuild = 'avx2' | 'generic' | 'gpu';

interface FaissBuildApi {
  faissBuild?: () => FaissBuild;
  measureReadBandwidth?: (bytes?: number, threads?: number) => Promise<number>;
}

const api = faiss as unknown as FaissBuildApi;

/** The build an index gets when none is asked for. */
export function defaultFaissBuild(): FaissBuild {
  return api.faissBuild?.() ?? 'generic';
}

/** The build behind an index created with `build` (the default build when the API is missing). */
export function effectiveFaissBuild(build: FaissBuild | undefined): FaissBuild {
  return api.faissBuild && build ? build : defaultFaissBuild();
}

/** An index from a given build; without the API every index comes from the one build loaded. */
export function createFaissIndex(
  dim: number,
  factory: string,
  metric: Metric,
  build?: FaissBuild,
): faiss.FaissIndex {
  if (build === undefined) return faiss.FaissIndex.create(dim, factory, metric);
  const create = faiss.FaissIndex.create as (...args: unknown[]) => faiss.FaissIndex;
  return create.call(faiss.FaissIndex, dim, factory, metric, { build });
}

/** This machine's memory read bandwidth in GB/s, or NaN where it cannot be measured. */
export async function memoryReadBandwidth(bytes?: number, threads?: number): Promise<number> {
  return api.measureReadBandwidth ? api.measureReadBandwidth(bytes, threads) : Number.NaN;
}
