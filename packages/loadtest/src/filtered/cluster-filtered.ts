import type { SearchResult as ClusterSearchResult, Filter, VecshardClient } from '@vecshard/client';
import type { Dataset } from '@vecshard/datasets';
import type { SearchResult } from '@vecshard/faiss';
import { dropIfPresent, upsertWithFields } from '../targets/collection-loading.js';
import { type DocumentFields, fieldColumns, fieldSchema } from './document-fields.js';
import type { FilteredRun } from './filtered-config.js';

/** One collection of a local cluster holding the dataset with its fields (ids = row numbers). */
export class ClusterFiltered {
  private constructor(
    private readonly client: VecshardClient,
    readonly collection: string,
    private readonly queries: Float32Array,
    private readonly nprobe: number,
  ) {}

  /** (Re)creates the collection with the fields' schema, trains it and loads every row with its fields. */
  static async load(
    client: VecshardClient,
    collection: string,
    shards: number,
    dataset: Dataset,
    fields: DocumentFields,
    run: FilteredRun,
    batch: number,
  ): Promise<ClusterFiltered> {
    await dropIfPresent(client, collection);
    await client.createCollection({
      name: collection,
      dim: dataset.dim,
      metric: 'l2',
      index: run.index,
      shards,
      routing: 'lists',
      fields: fieldSchema(fields),
    });
    const trainRows = Math.min(dataset.count, run.trainCount);
    await client.train(collection, dataset.base.subarray(0, trainRows * dataset.dim));
    await upsertWithFields(client, collection, dataset, batch, (from, to) => fieldColumns(fields, from, to));
    return new ClusterFiltered(client, collection, dataset.queries, run.nprobe);
  }

  /** Every query in one request through the coordinator, at nprobe; with a filter, only matching rows. */
  async search(k: number, filter?: string): Promise<SearchResult> {
    const { ids, distances } = await this.client.search(this.collection, this.queries, {
      k,
      nprobe: this.nprobe,
      filter,
    });
    return { labels: ids, distances };
  }

  /**
   * Every query in one request with the filter as an object, one hop where the
   * client can (every shard searches its matches alone), else through the
   * coordinator; the answer says which.
   */
  async searchDirect(
    k: number,
    filter: Filter,
  ): Promise<SearchResult & Pick<ClusterSearchResult, 'path' | 'fallbackReason'>> {
    const answer = await this.client.search(this.collection, this.queries, {
      k,
      nprobe: this.nprobe,
      filter,
      direct: true,
    });
    return {
      labels: answer.ids,
      distances: answer.distances,
      path: answer.path,
      fallbackReason: answer.fallbackReason,
    };
  }

  /** Fetches the routing table one-hop searches route by (after loading: the placement is final). */
  async prepareDirect(): Promise<void> {
    await this.client.refreshRoutingTable(this.collection);
  }

  /** Rows matching the filter (every row without one): evaluates it on every shard's bitmaps and nothing else. */
  count(filter?: string): Promise<number> {
    return this.client.count(this.collection, { filter });
  }

  async drop(): Promise<void> {
    await dropIfPresent(this.client, this.collection);
  }
}
