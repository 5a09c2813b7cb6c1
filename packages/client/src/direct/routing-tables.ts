import type { RoutingTable } from './routing-table.js';

/** Fetches a collection's routing table from the coordinator. */
export type FetchRoutingTable = (collection: string) => Promise<RoutingTable>;

/**
 * The routing tables this client holds, one per collection. A table is
 * replaced lazily: when a worker refuses a direct search ("placement moved")
 * or a coordinator answer names another epoch, it is dropped and fetched again
 * in the background, while searches go through the coordinator meanwhile.
 * A table older than `maxAgeMs` is also fetched again in the background (and
 * used meanwhile), so copies added since are read too. One fetch per
 * collection at a time.
 */
/** How soon a failed fetch of a missing table is tried again. */
const RETRY_AFTER_MS = 1000;

export class RoutingTables {
  private readonly tables = new Map<string, RoutingTable>();
  private readonly fetchedAt = new Map<string, number>();
  private readonly fetching = new Map<string, Promise<RoutingTable>>();

  constructor(
    private readonly fetch: FetchRoutingTable,
    private readonly maxAgeMs = 30_000,
  ) {}

  /** The table held now, or undefined (then one is being fetched). */
  current(collection: string): RoutingTable | undefined {
    const table = this.tables.get(collection);
    // Searches go through the coordinator meanwhile; a failed fetch is tried again a second later.
    const age = Date.now() - (this.fetchedAt.get(collection) ?? 0);
    if (age > (table ? this.maxAgeMs : RETRY_AFTER_MS)) this.refresh(collection).catch(() => {});
    return table;
  }

  /** Fetches the table now (or joins the fetch under way); rejects with the coordinator's error. */
  refresh(collection: string): Promise<RoutingTable> {
    let pending = this.fetching.get(collection);
    if (!pending) {
      // Counted from the request: a failed fetch is not tried again on every search.
      this.fetchedAt.set(collection, Date.now());
      pending = this.fetch(collection).then((table) => {
        this.tables.set(collection, table);
        return table;
      });
      const settled = () => this.fetching.delete(collection);
      pending.then(settled, settled);
      this.fetching.set(collection, pending);
    }
    return pending;
  }

  /** The placement moved: forget the table and fetch the new one. */
  invalidate(collection: string): void {
    this.tables.delete(collection);
    this.refresh(collection).catch(() => {});
  }

  /**
   * A coordinator answer routed by `epoch`: an older table is out of date. (A
   * newer one is not: another coordinator may not have seen the change yet.)
   */
  noteEpoch(collection: string, epoch: bigint): void {
    const table = this.tables.get(collection);
    if (table && table.epoch < epoch) this.invalidate(collection);
  }
}
