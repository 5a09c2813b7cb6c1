import { type AddonBuild, type FaissBuild, FaissIndex } from '@vecshard/faiss';
import type { IndexSpec, SearchTarget, TargetSearchResult } from './search-target.js';

/** One FAISS index in this process: the baseline every cluster number is compared with. */
export class FaissTarget implements SearchTarget {
  private constructor(
    /** `faiss`, or `faiss(<build>)` when a build was asked for. */
    readonly name: string,
    private readonly index: FaissIndex,
    /** The FAISS build the index comes from. */
    readonly build: FaissBuild,
  ) {}

  /** An index from `build` (default: the build loaded by default). */
  static create(spec: IndexSpec, build?: AddonBuild): FaissTarget {
    const index = FaissIndex.create(spec.dim, spec.index, spec.metric, { build });
    return new FaissTarget(build ? `faiss(${build})` : 'faiss', index, index.faissBuild);
  }

  get vectors(): number {
    return this.index.ntotal;
  }

  train(sample: Float32Array): Promise<void> {
    return this.index.train(sample);
  }

  add(ids: BigInt64Array, vectors: Float32Array): Promise<void> {
    return this.index.add(vectors, ids);
  }

  async upsert(ids: BigInt64Array, vectors: Float32Array): Promise<void> {
    await this.index.remove(ids);
    await this.index.add(vectors, ids);
  }

  async search(queries: Float32Array, k: number, nprobe: number): Promise<TargetSearchResult> {
    const { labels } = await this.index.search(queries, k, { nprobe });
    return { ids: labels, shardsQueried: 1 };
  }

  /**
   * Bytes of stored vectors one search of `queries` reads in an IVF-Flat index:
   * the sizes of the lists each query probes, from the coarse assignment, times
   * the code size (dim × 4 for Flat). Undefined for indexes without inverted lists.
   */
  async scannedBytes(queries: Float32Array, nprobe: number): Promise<number | undefined> {
    if (!this.index.isIvf) return undefined;
    const sizes = this.index.listSizes();
    const { lists } = await this.index.assign(queries, nprobe);
    let vectors = 0;
    for (const list of lists) if (list >= 0n) vectors += sizes[Number(list)];
    return vectors * this.index.codeSize;
  }

  async close(): Promise<void> {}
}
