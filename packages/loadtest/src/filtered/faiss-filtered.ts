import { type Dataset, sequentialIds } from '@vecshard/datasets';
import { FaissIndex, type SearchResult } from '@vecshard/faiss';
import type { FilteredRun } from './filtered-config.js';

/** Rows per add call while loading (FAISS takes them in turn either way). */
const ADD_BATCH = 50_000;

/**
 * The in-process baselines on one IVF index of the dataset (ids = row numbers),
 * each a batch search of every query given the filter's matching ids:
 * - `ivf`: the filter as an id selector, at the run's nprobe, with no widening;
 *   the selector is built and the queries assigned inside the call, as FAISS's
 *   own filtered `search` would per request;
 * - `exact`: `searchSubset`, the exact top-k among the matches.
 */
export class FaissFiltered {
  private constructor(
    private readonly index: FaissIndex,
    private readonly queries: Float32Array,
    private readonly nprobe: number,
  ) {}

  static async load(dataset: Dataset, run: FilteredRun): Promise<FaissFiltered> {
    const index = FaissIndex.create(dataset.dim, run.index, 'l2');
    const trainRows = Math.min(dataset.count, run.trainCount);
    await index.train(dataset.base.subarray(0, trainRows * dataset.dim));
    for (let from = 0; from < dataset.count; from += ADD_BATCH) {
      const to = Math.min(dataset.count, from + ADD_BATCH);
      await index.add(
        dataset.base.subarray(from * dataset.dim, to * dataset.dim),
        sequentialIds(to - from, from),
      );
    }
    return new FaissFiltered(index, dataset.queries, run.nprobe);
  }

  /** IVF at nprobe; with `matches`, only they can come back. */
  async ivf(k: number, matches?: BigInt64Array): Promise<SearchResult> {
    if (!matches) return this.index.search(this.queries, k, { nprobe: this.nprobe });
    const filter = FaissIndex.idFilter(matches, 'include');
    try {
      const assignment = await this.index.assign(this.queries, this.nprobe);
      return await this.index.searchPreassigned(this.queries, k, assignment, { filter });
    } finally {
      filter.dispose();
    }
  }

  /** The exact top-k among `matches`. */
  exact(k: number, matches: BigInt64Array): Promise<SearchResult> {
    return this.index.searchSubset(this.queries, k, matches);
  }
}
