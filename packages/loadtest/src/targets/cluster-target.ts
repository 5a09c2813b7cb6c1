import { type RoutingName, type VecshardClient, VecshardError } from '@vecshard/client';
import type { IndexSpec, SearchTarget, TargetSearchResult } from './search-target.js';

export interface ClusterCollectionOptions extends IndexSpec {
  collection: string;
  routing?: RoutingName;
  /** Shards to spread the collection over (default: every live worker). */
  shards?: number;
  /** Copies of every shard, on distinct workers (default 1). */
  replicationFactor?: number;
  /** Drop a collection of the same name first (benchmarks start from empty). */
  replace?: boolean;
  /**
   * Search one hop: the client routes by the collection's routing table and
   * asks the shard workers directly (mode `cluster-direct`), falling back to
   * the coordinator on any doubt.
   */
  direct?: boolean;
}

/** A collection in a vecshard cluster, reached through the client SDK. */
export class ClusterTarget implements SearchTarget {
  private constructor(
    private readonly client: VecshardClient,
    readonly collection: string,
    readonly name: string,
    private readonly direct = false,
  ) {}

  /** Creates the collection (untrained); `train` then places its lists on the workers. */
  static async create(client: VecshardClient, options: ClusterCollectionOptions): Promise<ClusterTarget> {
    if (options.replace) await dropIfPresent(client, options.collection);
    const routing = options.routing ?? 'lists';
    await client.createCollection({
      name: options.collection,
      dim: options.dim,
      metric: options.metric,
      index: options.index,
      shards: options.shards,
      routing,
      replicationFactor: options.replicationFactor,
    });
    return new ClusterTarget(client, options.collection, targetName(routing, options.direct), options.direct);
  }

  /** An existing, trained collection. */
  static async attach(
    client: VecshardClient,
    collection: string,
    options: { direct?: boolean } = {},
  ): Promise<ClusterTarget> {
    const info = await client.getCollection(collection);
    if (options.direct) await client.refreshRoutingTable(collection);
    return new ClusterTarget(client, collection, targetName(info.routing, options.direct), options.direct);
  }

  async train(sample: Float32Array): Promise<void> {
    await this.client.train(this.collection, sample);
    // Direct searches start one hop from the first query on.
    if (this.direct) await this.client.refreshRoutingTable(this.collection);
  }

  add(ids: BigInt64Array, vectors: Float32Array): Promise<void> {
    return this.upsert(ids, vectors);
  }

  async upsert(ids: BigInt64Array, vectors: Float32Array): Promise<void> {
    await this.client.upsert(this.collection, ids, vectors);
  }

  async search(queries: Float32Array, k: number, nprobe: number): Promise<TargetSearchResult> {
    const { ids, shardsQueried } = await this.client.search(this.collection, queries, {
      k,
      nprobe,
      direct: this.direct,
    });
    return { ids, shardsQueried };
  }

  /** The client belongs to the caller, who may share it between targets. */
  async close(): Promise<void> {}
}

/** `cluster(lists)`, or `cluster-direct(lists)` for one-hop searches. */
function targetName(routing: RoutingName, direct = false): string {
  return `${direct ? 'cluster-direct' : 'cluster'}(${routing})`;
}

async function dropIfPresent(client: VecshardClient, collection: string): Promise<void> {
  try {
    await client.dropCollection(collection);
  } catch (error) {
    if (!(error instanceof VecshardError && error.codeName === 'NOT_FOUND')) throw error;
  }
}
