import { FaissIndex } from '@vecshard/faiss';
import type { IndexSpec, SearchTarget, TargetSearchResult } from './search-target.js';

/** One FAISS index in this process: the baseline every cluster number is compared with. */
export class FaissTarget implements SearchTarget {
  readonly name = 'faiss';

  private constructor(private readonly index: FaissIndex) {}

  static create(spec: IndexSpec): FaissTarget {
    return new FaissTarget(FaissIndex.create(spec.dim, spec.index, spec.metric));
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

  async close(): Promise<void> {}
}
