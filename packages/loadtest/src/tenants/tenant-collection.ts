import type { SearchResult as ClientSearchResult, Filter, VecshardClient } from '@vecshard/client';
import type { Dataset } from '@vecshard/datasets';
import { dropIfPresent, upsertWithFields } from '../targets/collection-loading.js';
import { type TenantOfRow, tenantName } from './tenant-assignment.js';
import type { TenantConfig } from './tenant-config.js';
import type { TenantMode } from './tenant-row.js';

/** One collection of the dataset with a `tenant` keyword per row, stored as `mode` says (ids = row numbers). */
export class TenantCollection {
  private constructor(
    private readonly client: VecshardClient,
    readonly name: string,
    private readonly dataset: Dataset,
  ) {}

  /** (Re)creates the collection, trains it and loads every row with its tenant. */
  static async load(
    client: VecshardClient,
    name: string,
    mode: TenantMode,
    dataset: Dataset,
    tenantOf: TenantOfRow,
    config: TenantConfig,
  ): Promise<TenantCollection> {
    await dropIfPresent(client, name);
    await client.createCollection({
      name,
      dim: dataset.dim,
      metric: 'l2',
      index: config.index,
      nprobe: config.nprobe,
      shards: config.shards,
      routing: 'lists',
      fields: { tenant: 'keyword' },
      ...(mode === 'partition-key' ? { partitionKey: 'tenant' } : {}),
    });
    const trainRows = Math.min(dataset.count, config.trainCount);
    await client.train(name, dataset.base.subarray(0, trainRows * dataset.dim));
    await upsertWithFields(client, name, dataset, config.addBatch, (from, to) => ({
      tenant: Array.from(tenantOf.subarray(from, to), tenantName),
    }));
    return new TenantCollection(client, name, dataset);
  }

  /** Every query in one request, at the collection's nprobe, only rows matching `filter`. */
  searchAll(k: number, filter: string): Promise<ClientSearchResult> {
    return this.client.search(this.name, this.dataset.queries, { k, filter });
  }

  /** Query number `query` (wrapping around) alone; `direct`: one hop where the client can route it. */
  searchOne(k: number, filter: string | Filter, query: number, direct = false): Promise<ClientSearchResult> {
    const { dim, queryCount } = this.dataset;
    const at = (query % queryCount) * dim;
    return this.client.search(this.name, this.dataset.queries.subarray(at, at + dim), { k, filter, direct });
  }

  /** Fetches the routing table, so one-hop searches need not wait for it. */
  async prepareOneHop(): Promise<void> {
    await this.client.refreshRoutingTable(this.name);
  }

  count(filter: string): Promise<number> {
    return this.client.count(this.name, { filter });
  }

  async drop(): Promise<void> {
    await dropIfPresent(this.client, this.name);
  }
}
