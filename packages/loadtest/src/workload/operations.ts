import { type Dataset, SeededRandom } from '@vecshard/datasets';
import type { WorkloadOptions } from './workload-options.js';

export type Operation =
  | { kind: 'search'; firstQuery: number; queries: Float32Array; count: number }
  | { kind: 'upsert'; ids: BigInt64Array; vectors: Float32Array };

/**
 * The requests of a run, in order. Searches walk the query set in batches
 * (wrapping around), so each result can be scored against ground truth.
 * Upserts rewrite random base vectors with their own values under their own
 * ids: the index sees real writes, yet its content — and so the ground truth —
 * stays the same.
 */
export class OperationSource {
  private readonly random: SeededRandom;
  private nextQuery = 0;

  constructor(
    private readonly dataset: Dataset,
    private readonly options: Pick<WorkloadOptions, 'batchSize' | 'writeShare' | 'writeBatchSize' | 'seed'>,
  ) {
    if (options.batchSize > dataset.queryCount) {
      throw new RangeError(
        `batch size ${options.batchSize} exceeds the ${dataset.queryCount} queries available`,
      );
    }
    this.random = new SeededRandom(options.seed ?? 1);
  }

  next(): Operation {
    if (this.options.writeShare > 0 && this.random.next() < this.options.writeShare) return this.write();
    return this.search();
  }

  private search(): Operation {
    const { dim, queryCount } = this.dataset;
    const count = this.options.batchSize;
    if (this.nextQuery + count > queryCount) this.nextQuery = 0;
    const firstQuery = this.nextQuery;
    this.nextQuery += count;
    const queries = this.dataset.queries.subarray(firstQuery * dim, (firstQuery + count) * dim);
    return { kind: 'search', firstQuery, queries, count };
  }

  private write(): Operation {
    const { dim, count: baseCount } = this.dataset;
    const count = Math.min(baseCount, this.options.writeBatchSize ?? this.options.batchSize);
    const first = this.random.int(baseCount - count + 1);
    const ids = new BigInt64Array(count);
    for (let i = 0; i < count; i++) ids[i] = BigInt(first + i);
    return { kind: 'upsert', ids, vectors: this.dataset.base.subarray(first * dim, (first + count) * dim) };
  }
}
