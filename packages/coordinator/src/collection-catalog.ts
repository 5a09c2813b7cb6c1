import { FaissIndex } from '@vecshard/faiss';
import { failedPrecondition, notFound } from '@vecshard/proto';
import type { CollectionRecord } from './collection-record.js';
import type { CollectionStore } from './collection-store.js';
import { listOwners } from './placement/list-placement.js';

/** A collection as a coordinator serves it: the record, plus for a trained one its quantizer and routing table. */
export interface LiveCollection {
  record: CollectionRecord;
  /** The trained template index: its coarse quantizer assigns vectors and queries to lists. */
  template?: FaissIndex;
  /** list id → shard owning it (lists routing). */
  owner?: Int32Array;
}

/**
 * Cache of collections in front of the store. Entries are loaded on first use
 * and dropped when the store announces a change (from this or another
 * coordinator), so every coordinator serves the current record.
 */
export class CollectionCatalog {
  private readonly cache = new Map<string, Promise<LiveCollection | undefined>>();

  constructor(private readonly store: CollectionStore) {}

  /** The collection, or NOT_FOUND. */
  async get(name: string): Promise<LiveCollection> {
    let entry = this.cache.get(name);
    if (!entry) {
      entry = this.load(name);
      this.cache.set(name, entry);
      entry.then(
        (found) => found || this.cache.delete(name),
        () => this.cache.delete(name),
      );
    }
    const live = await entry;
    if (!live) throw notFound(`collection "${name}" does not exist`);
    return live;
  }

  /** A trained collection, or FAILED_PRECONDITION naming what to do. */
  async getReady(name: string, action: string): Promise<Required<LiveCollection>> {
    const live = await this.get(name);
    if (live.record.state !== 'ready' || !live.template || !live.owner) {
      throw failedPrecondition(`collection "${name}" is not trained yet: call Train before ${action}`);
    }
    return live as Required<LiveCollection>;
  }

  invalidate(name: string): void {
    this.cache.delete(name);
  }

  clear(): void {
    this.cache.clear();
  }

  private async load(name: string): Promise<LiveCollection | undefined> {
    const record = await this.store.get(name);
    if (!record) return undefined;
    if (record.state !== 'ready') return { record };
    const bytes = await this.store.template(name);
    if (!bytes) throw new Error(`collection "${name}" is trained but its template is missing from Redis`);
    const template = await FaissIndex.deserialize(bytes, record.metric);
    const owner = listOwners(
      record.routing === 'lists' ? record.placement.map((shard) => shard.lists) : [],
      record.nlist,
    );
    return { record, template, owner };
  }
}
