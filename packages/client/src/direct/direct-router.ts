import type * as grpc from '@grpc/grpc-js';
import { type DirectOutcome, type DirectRequest, searchDirect } from './direct-search.js';
import { searchSplit, type ViaCoordinator } from './doubtful-split.js';
import { type FilteredDirectRequest, searchDirectFiltered } from './filtered-direct.js';
import { type FetchRoutingTable, RoutingTables } from './routing-tables.js';
import { ShardChannels } from './shard-channels.js';

/**
 * The client's one-hop search: routing tables per collection and channels to
 * the workers. A search it cannot serve (no table yet, doubt, a refusal, an
 * error) comes back unserved with the reason, for the caller to ask the
 * coordinator; a refusal or an error also refreshes the table, since the
 * placement or the set of READY copies has likely changed.
 */
export class DirectRouter {
  readonly tables: RoutingTables;
  private readonly channels: ShardChannels;

  constructor(
    fetch: FetchRoutingTable,
    credentials: grpc.ChannelCredentials,
    options: grpc.ClientOptions,
    maxTableAgeMs?: number,
  ) {
    this.tables = new RoutingTables(fetch, maxTableAgeMs);
    this.channels = new ShardChannels(credentials, options);
  }

  /**
   * `viaCoordinator` answers the doubtful queries of a batch whose other
   * queries can go one hop (see {@link searchSplit}).
   */
  async search(
    collection: string,
    request: DirectRequest,
    viaCoordinator: ViaCoordinator,
  ): Promise<DirectOutcome> {
    const table = this.tables.current(collection);
    if (!table) return { served: false, reason: 'no-table' };
    let outcome = await searchDirect(table, this.channels, request);
    if (!outcome.served && outcome.doubtful)
      outcome = await searchSplit(table, this.channels, request, outcome.doubtful, viaCoordinator);
    if (!outcome.served && REFRESH_AFTER.has(outcome.reason)) this.tables.invalidate(collection);
    return outcome;
  }

  /** A filtered search one hop, served when every shard can search its matches alone (see {@link searchDirectFiltered}). */
  async searchFiltered(collection: string, request: FilteredDirectRequest): Promise<DirectOutcome> {
    const table = this.tables.current(collection);
    if (!table) return { served: false, reason: 'no-table' };
    const outcome = await searchDirectFiltered(table, this.channels, request);
    if (!outcome.served && REFRESH_AFTER.has(outcome.reason)) this.tables.invalidate(collection);
    return outcome;
  }

  close(): void {
    this.channels.close();
  }
}

/** Fallbacks that say the table no longer matches the cluster. */
const REFRESH_AFTER = new Set(['placement-moved', 'worker-error', 'no-ready-copy']);
