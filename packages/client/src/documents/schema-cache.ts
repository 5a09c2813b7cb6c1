import { status } from '@grpc/grpc-js';
import type { CallOptions, CollectionDescription, FieldTypeName } from '../types.js';
import type { Schema } from './field-columns.js';

/**
 * Statuses after which a cached schema may be out of date: the collection is
 * gone (NOT_FOUND), is another one now (FAILED_PRECONDITION), or refused the
 * columns (INVALID_ARGUMENT, e.g. dropped and created again elsewhere with
 * other fields). The next upsert with fields fetches the schema again.
 */
export const STALE_SCHEMA_STATUSES: ReadonlySet<number> = new Set([
  status.NOT_FOUND,
  status.FAILED_PRECONDITION,
  status.INVALID_ARGUMENT,
]);

/**
 * The fields of each collection this client wrote to, fetched once (one
 * GetCollection, shared by concurrent callers) and kept until a call says
 * they may have changed. Fields are fixed at creation, so a schema only goes
 * out of date when its collection is dropped and created again.
 */
export class SchemaCache {
  private readonly schemas = new Map<string, Promise<Schema>>();

  constructor(
    private readonly describe: (collection: string, call?: CallOptions) => Promise<CollectionDescription>,
  ) {}

  /**
   * The collection's schema: cached, or fetched now with the caller's call
   * options (concurrent callers share the first one's fetch; a failed fetch
   * is not cached).
   */
  get(collection: string, call?: CallOptions): Promise<Schema> {
    let schema = this.schemas.get(collection);
    if (!schema) {
      const fetching = this.describe(collection, call).then((description) => schemaOf(description.fields));
      schema = fetching;
      this.schemas.set(collection, fetching);
      fetching.catch(() => {
        if (this.schemas.get(collection) === fetching) this.schemas.delete(collection);
      });
    }
    return schema;
  }

  /** Keeps a schema the client was just told (by CreateCollection, GetCollection …). */
  remember(description: CollectionDescription): void {
    this.schemas.set(description.name, Promise.resolve(schemaOf(description.fields)));
  }

  /** Forgets a collection's schema; the next `get` fetches it. */
  forget(collection: string): void {
    this.schemas.delete(collection);
  }

  /** Whether a schema is cached (or being fetched). */
  has(collection: string): boolean {
    return this.schemas.has(collection);
  }
}

function schemaOf(fields: Record<string, FieldTypeName>): Schema {
  return new Map(Object.entries(fields));
}
