import { type VecshardClient, VecshardError } from '@vecshard/client';
import { type Dataset, sequentialIds } from '@vecshard/datasets';
import type { SearchResult } from '@vecshard/faiss';
import { type DocumentFields, fieldColumns, fieldSchema } from './document-fields.js';
import type { FilteredRun } from './filtered-config.js';

/** Upserts in flight while loading, as the suite loads (one batch's assignment overlaps the last one's storage). */
const IN_FLIGHT = 2;

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
    await upsertAll(client, collection, dataset, fields, batch);
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

  /** Rows matching the filter (every row without one): evaluates it on every shard's bitmaps and nothing else. */
  count(filter?: string): Promise<number> {
    return this.client.count(this.collection, { filter });
  }

  async drop(): Promise<void> {
    await dropIfPresent(this.client, this.collection);
  }
}

async function upsertAll(
  client: VecshardClient,
  collection: string,
  dataset: Dataset,
  fields: DocumentFields,
  batch: number,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  try {
    for (let from = 0; from < dataset.count; from += batch) {
      const to = Math.min(dataset.count, from + batch);
      const request: Promise<void> = client
        .upsert(
          collection,
          sequentialIds(to - from, from),
          dataset.base.subarray(from * dataset.dim, to * dataset.dim),
          {
            fields: fieldColumns(fields, from, to),
          },
        )
        .then(() => {
          inFlight.delete(request);
        });
      inFlight.add(request);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Let the other requests settle so none fails unobserved, then report the first failure.
    await Promise.allSettled(inFlight);
    throw error;
  }
}

async function dropIfPresent(client: VecshardClient, collection: string): Promise<void> {
  try {
    await client.dropCollection(collection);
  } catch (error) {
    if (!(error instanceof VecshardError && error.codeName === 'NOT_FOUND')) throw error;
  }
}
