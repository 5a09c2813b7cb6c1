import { type Assignment, FaissIndex, type Metric, type SearchResult } from '@vecshard/faiss';
import {
  type Column,
  decodeFieldRows,
  emptyColumns,
  encodeFieldRows,
  type FieldSpec,
  type Filter__Output,
  failedPrecondition,
  invalidArgument,
  placementMoved,
  quantizerDigest,
  sliceColumns,
  unavailable,
  WriteQueue,
  writeFenced,
} from '@vecshard/proto';
import { listBlobDigest } from '@vecshard/storage/list-blob';
import { FieldStore } from './fields/field-store.js';
import {
  negated,
  type ShardMatchCounts,
  type ShardMatches,
  searchIfSelective,
  searchMatching,
} from './filtered-search.js';
import type { ReadLease } from './read-lease.js';
import { ReadWriteGate } from './read-write-gate.js';
import { RowVersions } from './row-versions.js';
import { SearchBatcher } from './search-batcher.js';

/** Write sequences exported by one copy for another (RowVersions.export). */
export interface ExportedVersions {
  ids: BigInt64Array;
  seqs: BigInt64Array;
  forgottenBelow: number;
}

/** One inverted list's ids and codes, as FAISS stores them, and its rows' fields. */
export interface OwnedListContent {
  list: number;
  ids: BigInt64Array;
  codes: Uint8Array;
  /** The rows' fields, encoded by the row codec; empty for a collection without fields. */
  fields?: Uint8Array;
}

/** What a search may ask beyond the lists: a filter, and fields to return with each hit. */
export interface SearchRequestOptions {
  filter?: Filter__Output;
  /** Search every matching row exactly, ignoring the assignment. */
  exact?: boolean;
  outputFields?: string[];
  /** With a filter and no lists: plan alone, searching exactly up to this share of matching rows (see searchIfSelective). */
  exactShare?: number;
  /**
   * Planning alone, whether the answer carries the matches per list (default
   * true): a coordinator plans with them, a one-hop client never reads them.
   */
  listCounts?: boolean;
}

/** A search's hits and, when asked, their fields (one row per hit slot). */
export interface ShardSearchResult extends SearchResult {
  fields?: Column[];
  /** When the shard planned alone: its matches, and whether it searched them (else no hits). */
  plannedAlone?: { searched: boolean; matches: ShardMatchCounts };
}

/** Rows read back: ids, their vectors when asked, their fields. */
export interface ReadRowsResult {
  ids: BigInt64Array;
  vectors?: Float32Array;
  fields: Column[];
}

/** How many rows match a filter, over the shard and per owned list. */
export interface MatchStats {
  count: number;
  rows: number;
  perList?: Map<number, number>;
}

/** What a worker reports about one collection it holds. */
export interface ShardCollectionStats {
  collection: string;
  shard: number;
  lists: number;
  vectors: number;
  memoryBytes: number;
  searchRequests: number;
  searchQueries: number;
  loading: boolean;
}

/**
 * One collection's shard on this worker: the template index with only the
 * owned inverted lists filled. Removing ids costs the batch, not the shard:
 * the binding keeps an id → list map in every IVF index, so upserts can
 * always remove before they add.
 */
export class ShardCollection {
  private readonly writes = new WriteQueue();
  /** Searches never see an upsert or a restore half done. */
  private readonly gate = new ReadWriteGate();
  /** On a GPU, searches go one FAISS call at a time, concurrent ones merged. */
  private readonly gpuSearches?: SearchBatcher;
  private searchRequests = 0;
  private searchQueries = 0;
  /** Being refilled: takes writes and list imports, refuses searches until finished. */
  private loading = false;
  /**
   * The placement epoch this copy was last told: direct client searches
   * routed by an older one are refused, as the lists may have moved since.
   */
  private epoch = 0n;
  /**
   * Writes routed by an epoch below this are refused: the epoch the copy was
   * attached at, raised when it is told it is stale. A write delayed past a
   * refill (a worker paused with requests queued) or sent by a coordinator
   * that has not yet heard of the change is so never applied here.
   */
  private writeFloor = 0n;
  /** Names the template's quantizer: direct searches routed by another one are refused. */
  private readonly quantizer: Buffer;
  /** Cleared when the copy may be stale (missed a write, or left the shard); reset only by a new attach. */
  private directReads = true;
  /** The placement epoch at which this copy missed writes: it answers no read until attached again. */
  private staleSince: bigint | undefined;
  /** The epoch this copy was attached at: fences from before it concern an earlier copy. */
  private attachedAt = 0n;
  /** The worker's read lease (none for a worker without Redis, as in unit tests). */
  private lease: ReadLease | undefined;

  /** The rows' fields and the indexes that answer filters, beside the vectors. */
  private readonly rows: FieldStore;
  /** The sequence of the last write applied to each row: copies apply concurrent writes alike. */
  private readonly versions = new RowVersions();

  private constructor(
    readonly name: string,
    readonly shard: number,
    private readonly index: FaissIndex,
    private owned: Uint8Array,
    private ownedCount: number,
    readonly schema: FieldSpec[],
  ) {
    this.rows = new FieldStore(schema);
    this.quantizer = quantizerDigest(index.centroids());
    if (index.device === 'cuda') {
      this.gpuSearches = new SearchBatcher(index.dim, (q, k, a) => index.searchPreassigned(q, k, a));
    }
  }

  static async attach(
    name: string,
    shard: number,
    template: Uint8Array,
    metric: Metric,
    lists: number[],
    placement: { device: string; gpuTempMemoryBytes?: number; lease?: ReadLease; epoch?: bigint } = {
      device: 'cpu',
    },
    schema: FieldSpec[] = [],
  ): Promise<ShardCollection> {
    let index: FaissIndex;
    try {
      index = await FaissIndex.deserialize(template, metric);
    } catch (error) {
      throw invalidArgument(`template index of "${name}" cannot be read: ${(error as Error).message}`);
    }
    if (!index.isIvf) throw invalidArgument(`template index of "${name}" is not an IVF index`);
    if (!index.isTrained) throw invalidArgument(`template index of "${name}" is not trained`);
    if (index.ntotal !== 0) throw invalidArgument(`template index of "${name}" is not empty`);
    const owned = new Uint8Array(index.nlist);
    for (const list of lists) {
      if (!Number.isInteger(list) || list < 0 || list >= index.nlist) {
        throw invalidArgument(`list ${list} is outside 0..${index.nlist - 1} of "${name}"`);
      }
      owned[list] = 1;
    }
    // CUDA_VISIBLE_DEVICES leaves this worker's one GPU visible as device 0.
    if (placement.device.startsWith('cuda')) {
      await index.toDevice(0, { tempMemoryBytes: placement.gpuTempMemoryBytes });
    }
    const attached = new ShardCollection(
      name,
      shard,
      index,
      owned,
      owned.reduce((a, b) => a + b, 0),
      schema,
    );
    attached.lease = placement.lease;
    attached.attachedAt = placement.epoch ?? 0n;
    attached.advanceEpoch(attached.attachedAt);
    attached.fenceWritesBelow(attached.attachedAt);
    return attached;
  }

  get dim(): number {
    return this.index.dim;
  }

  /** Writes waiting or running on this shard. */
  get pendingWrites(): number {
    return this.writes.depth;
  }

  /**
   * Removes the held ids among `replaceIds`, then adds the rows into their
   * (owned) lists: vectors and fields (`columns` of the schema, n rows each;
   * none given = every field missing).
   */
  add(
    ids: BigInt64Array,
    vectors: Float32Array,
    lists: BigInt64Array,
    replaceIds: BigInt64Array,
    columns?: Column[],
    /** The write's sequence: rows already changed by a newer write are left as they are (0: none). */
    seq = 0,
  ) {
    this.checkRows(vectors, ids.length, 'vectors');
    if (lists.length !== ids.length)
      throw invalidArgument(`${lists.length} list ids for ${ids.length} vectors`);
    for (const list of lists) {
      if (list < 0n || list >= BigInt(this.owned.length) || !this.owned[Number(list)]) {
        throw failedPrecondition(`list ${list} of "${this.name}" is not owned by shard ${this.shard}`);
      }
    }
    this.versions.admit(seq, this.name);
    const fields = columns ?? emptyColumns(this.schema, ids.length);
    return this.writes.run(() =>
      this.gate.write(async () => {
        // Decided inside the write queue: no other write to these rows can come between.
        const rows = this.versions.newer(ids, seq);
        const kept = rows.length === ids.length ? undefined : rows;
        const keptIds = kept ? pick(ids, kept) : ids;
        const replacing = this.versions.newer(replaceIds, seq);
        const replaceNow = replacing.length === replaceIds.length ? replaceIds : pick(replaceIds, replacing);
        const replaced = (await this.removeHeld(replaceNow)) + (await this.removeHeld(keptIds));
        if (keptIds.length > 0) {
          const keptLists = kept ? pick(lists, kept) : lists;
          await this.index.addPreassigned(
            kept ? pickRows(vectors, this.dim, kept) : vectors,
            keptIds,
            keptLists,
          );
          this.rows.upsert(
            keptIds,
            Int32Array.from(keptLists, Number),
            kept ? sliceColumns(fields, kept) : fields,
          );
        }
        this.versions.record(replaceNow, seq);
        this.versions.record(keptIds, seq);
        return { added: keptIds.length, replaced };
      }),
    );
  }

  /**
   * Content of owned lists (every owned list when `lists` is empty), one list
   * at a time, so a caller streaming them never holds the whole shard.
   */
  async *exportLists(lists: number[]): AsyncGenerator<OwnedListContent> {
    const wanted = lists.length > 0 ? lists : this.ownedLists();
    for (const list of wanted) this.checkOwned(list);
    // Vectors and fields of a list are read together, between writes.
    for (const list of wanted) yield await this.gate.read(async () => this.listContent(list));
  }

  private listContent(list: number): OwnedListContent {
    const content = this.index.exportList(list);
    return { list, ...content, fields: this.encodedFields(content.ids) };
  }

  /** The rows' fields as a list blob stores them; empty without a schema (blobs stay as before fields). */
  private encodedFields(ids: BigInt64Array): Uint8Array | undefined {
    if (this.schema.length === 0 || ids.length === 0) return undefined;
    const names = this.schema.map((field) => field.name);
    return encodeFieldRows(this.schema, ids, this.rows.read(ids, names));
  }

  /**
   * The sha256 and size of each non-empty owned list's snapshot blob. Reads
   * one list at a time under the index's read lock; searches go on meanwhile.
   */
  listDigests(): { list: number; vectors: number; sha256: string; bytes: number }[] {
    const digests = [];
    for (const list of this.ownedLists()) {
      const content = this.listContent(list);
      if (content.ids.length === 0) continue;
      const ids = new Uint8Array(content.ids.buffer, content.ids.byteOffset, content.ids.byteLength);
      digests.push({
        list,
        vectors: content.ids.length,
        ...listBlobDigest({ ids, codes: content.codes, fields: content.fields }),
      });
    }
    return digests;
  }

  /** Replaces the content of owned lists (a restore); resolves to the vectors they now hold. */
  importLists(contents: OwnedListContent[], versions?: ExportedVersions): Promise<number> {
    for (const content of contents) this.checkOwned(content.list);
    return this.writes.run(() =>
      this.gate.write(async () => {
        // A move's: writes the old owner would refuse (older than its rows') are refused here too.
        if (versions) this.versions.adopt(versions.ids, versions.seqs, versions.forgottenBelow);
        let vectors = 0;
        for (const content of contents) {
          const columns = this.decodeFields(content);
          // An id stored in another list would be held twice: the restored copy wins.
          await this.removeHeld(content.ids);
          this.rows.remove(this.rows.rowsOfList(content.list));
          this.index.importList(content.list, content);
          this.rows.upsert(content.ids, new Int32Array(content.ids.length).fill(content.list), columns);
          vectors += content.ids.length;
        }
        return vectors;
      }),
    );
  }

  /**
   * The write sequences kept for the rows of `lists` (every list when none
   * is named) and for every id not held any more (deleted, or moved to
   * another shard): what a new owner of these lists, or a new copy of the
   * shard, must know to refuse the writes this copy would refuse.
   */
  exportVersions(lists: number[]): Promise<ExportedVersions> {
    for (const list of lists) this.checkOwned(list);
    // None named: every list (a whole copy, as ExportLists).
    const moving = lists.length > 0 ? new Set(lists) : undefined;
    return this.gate.read(async () =>
      this.versions.export((id) => {
        if (!moving) return true;
        const list = this.rows.listOf(id);
        return list === undefined || moving.has(list);
      }),
    );
  }

  /** The fields of an imported list, checked against the ids before anything changes. */
  private decodeFields(content: OwnedListContent): Column[] {
    if (!content.fields || content.fields.length === 0) return emptyColumns(this.schema, content.ids.length);
    const decoded = decodeFieldRows(
      this.schema,
      Buffer.from(content.fields.buffer, content.fields.byteOffset, content.fields.byteLength),
    );
    if (decoded.ids.length !== content.ids.length || decoded.ids.some((id, i) => id !== content.ids[i])) {
      throw invalidArgument(`the fields of list ${content.list} of "${this.name}" are not those of its ids`);
    }
    return decoded.columns;
  }

  /** Removes the ids not changed since by a newer write than `seq` (0: all of them). */
  delete(ids: BigInt64Array, seq = 0): Promise<number> {
    this.versions.admit(seq, this.name);
    return this.writes.run(() =>
      this.gate.write(async () => {
        const rows = this.versions.newer(ids, seq);
        const now = rows.length === ids.length ? ids : pick(ids, rows);
        const removed = await this.removeHeld(now);
        // Also the ids not held: an older upsert arriving late must not bring them back.
        this.versions.record(now, seq);
        return removed;
      }),
    );
  }

  /**
   * Owns exactly `lists` from now on: new ones start empty, the vectors of
   * lists no longer owned are removed. Resolves to the vectors removed. One
   * change to concurrent searches, like a write.
   */
  setLists(lists: number[], epoch = 0n): Promise<number> {
    const owned = new Uint8Array(this.owned.length);
    for (const list of lists) {
      if (!Number.isInteger(list) || list < 0 || list >= owned.length) {
        throw invalidArgument(`list ${list} is outside 0..${owned.length - 1} of "${this.name}"`);
      }
      owned[list] = 1;
    }
    return this.writes.run(() =>
      this.gate.write(async () => {
        let removed = 0;
        for (const list of this.ownedLists()) {
          if (owned[list]) continue;
          removed += await this.removeHeld(this.index.exportList(list).ids);
          this.rows.remove(this.rows.rowsOfList(list));
        }
        this.owned = owned;
        this.ownedCount = owned.reduce((a, b) => a + b, 0);
        this.advanceEpoch(epoch);
        return removed;
      }),
    );
  }

  /** Raises the placement epoch (never lowers it: messages may arrive out of order). */
  advanceEpoch(epoch: bigint): void {
    if (epoch > this.epoch) this.epoch = epoch;
  }

  /** From now on direct client searches, and writes routed by an epoch below `epoch`, are refused: this copy may miss writes. */
  stopDirectReads(epoch = 0n): void {
    this.directReads = false;
    this.fenceWritesBelow(epoch);
  }

  /**
   * The copy missed writes at placement epoch `epoch`: from now on it answers
   * no read, direct or through a coordinator, and takes no write routed
   * before. A fence from before this copy was attached is about an earlier
   * copy, and is ignored.
   */
  markStale(epoch: bigint): void {
    if (epoch <= this.attachedAt) return;
    this.staleSince = this.staleSince === undefined || epoch < this.staleSince ? epoch : this.staleSince;
    this.stopDirectReads(epoch);
  }

  /** Refuses writes routed by an epoch older than `epoch` from now on (never lowered). */
  fenceWritesBelow(epoch: bigint): void {
    if (epoch > this.writeFloor) this.writeFloor = epoch;
  }

  /**
   * Resolves once every write admitted so far has been applied (or has
   * failed): writes are admitted and queued in one step, and run in order.
   */
  async settleWrites(): Promise<void> {
    await this.writes.run(async () => {});
  }

  /** Throws ABORTED "write fenced" for a write routed by an epoch this copy has left behind. */
  admitWrite(routedBy: bigint): void {
    if (routedBy < this.writeFloor) {
      throw writeFenced(
        `shard ${this.shard} of "${this.name}" was attached or fenced at placement epoch ${this.writeFloor}; ` +
          `the write was routed by epoch ${routedBy}`,
      );
    }
  }

  /**
   * A search routed by a client from its routing table. Besides the checks
   * every search gets (loading, lists owned), refuses a table of another
   * quantizer or older than the placement this copy knows, and a copy told
   * it may be stale: the coordinator never reads such a copy, and neither
   * may a client.
   */
  searchDirect(
    queries: Float32Array,
    k: number,
    assignment: Assignment,
    routedBy: { epoch: bigint; quantizer: Uint8Array },
    options: SearchRequestOptions = {},
  ): Promise<ShardSearchResult> {
    const { epoch } = routedBy;
    if (!this.quantizer.equals(routedBy.quantizer)) {
      throw placementMoved(`"${this.name}" was trained again since the caller's routing table was made`);
    }
    if (!this.directReads) {
      throw unavailable(`shard ${this.shard} of "${this.name}" on this worker is catching up or leaving`);
    }
    if (epoch < this.epoch) {
      throw placementMoved(
        `shard ${this.shard} of "${this.name}" is at placement epoch ${this.epoch}, the search was routed by ${epoch}`,
      );
    }
    return this.search(queries, k, assignment, options);
  }

  /** Marks the shard as being refilled (searches refused) or, with false, complete. */
  setLoading(loading: boolean): void {
    this.loading = loading;
  }

  get isLoading(): boolean {
    return this.loading;
  }

  async search(
    queries: Float32Array,
    k: number,
    assignment: Assignment,
    options: SearchRequestOptions = {},
  ): Promise<ShardSearchResult> {
    this.refuseWhileLoading();
    const nq = this.checkRows(queries, undefined, 'queries');
    this.searchRequests++;
    this.searchQueries += nq;
    if (nq > 0 && assignment.lists.length % nq !== 0) {
      throw invalidArgument(
        `${assignment.lists.length} list ids are not a whole number per query for ${nq} queries`,
      );
    }
    if (!options.exact) this.checkRoutedHere(assignment.lists);
    try {
      if (options.filter && options.exactShare && !options.exact && assignment.lists.length === 0) {
        return await this.gate.read(() => this.searchPlannedAlone(queries, k, options));
      }
      return await this.gate.read(async () => {
        const result =
          options.filter || options.exact
            ? await searchMatching(
                this.index,
                this.matchesOf(options.filter),
                queries,
                k,
                assignment,
                options.exact,
              )
            : this.gpuSearches
              ? await this.gpuSearches.search(queries, k, assignment)
              : await this.index.searchPreassigned(queries, k, assignment);
        const outputFields = options.outputFields ?? [];
        return outputFields.length > 0
          ? { ...result, fields: this.rows.read(result.labels, outputFields) }
          : result;
      });
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) throw invalidArgument(error.message);
      throw error;
    }
  }

  /** A filtered search the coordinator left to this shard to plan (see searchIfSelective); under the read gate. */
  private async searchPlannedAlone(
    queries: Float32Array,
    k: number,
    options: SearchRequestOptions,
  ): Promise<ShardSearchResult> {
    const planned = await searchIfSelective(
      this.index,
      this.matchesOf(options.filter),
      queries,
      k,
      options.exactShare ?? 0,
      options.listCounts ?? true,
    );
    const result = planned.result ?? { labels: new BigInt64Array(0), distances: new Float32Array(0) };
    const outputFields = options.outputFields ?? [];
    return {
      ...result,
      fields: outputFields.length > 0 ? this.rows.read(result.labels, outputFields) : undefined,
      plannedAlone: { searched: planned.result !== undefined, matches: planned.matches },
    };
  }

  /** How many rows match `filter` (every row without one), and per owned list when asked. */
  matchStats(filter: Filter__Output | undefined, perList: boolean): Promise<MatchStats> {
    this.refuseWhileLoading();
    return this.gate.read(async () => {
      const matches = this.rows.match(filter);
      return {
        count: matches.count,
        rows: this.rows.size,
        perList: perList ? matches.countByList() : undefined,
      };
    });
  }

  /** Rows by id, in the order asked; ids not held are left out. */
  readRowsById(ids: BigInt64Array, outputFields: string[], withVectors: boolean): Promise<ReadRowsResult> {
    this.refuseWhileLoading();
    return this.gate.read(async () => {
      const found = ids.filter((id) => this.rows.has(id));
      return this.readRows(found, outputFields, withVectors);
    });
  }

  /** A page of the rows matching `filter`, by ascending id, above `after`. */
  readMatching(
    filter: Filter__Output | undefined,
    after: bigint | undefined,
    limit: number,
    outputFields: string[],
    withVectors: boolean,
  ): Promise<ReadRowsResult> {
    this.refuseWhileLoading();
    return this.gate.read(async () => {
      const ids = this.rows.match(filter).idsAfter(after, limit > 0 ? limit : Number.MAX_SAFE_INTEGER);
      return this.readRows(ids, outputFields, withVectors);
    });
  }

  private async readRows(
    ids: BigInt64Array,
    outputFields: string[],
    withVectors: boolean,
  ): Promise<ReadRowsResult> {
    const fields = this.rows.read(ids, outputFields);
    if (!withVectors) return { ids, fields };
    return { ids, fields, vectors: (await this.index.reconstructIds(ids)).vectors };
  }

  /** The rows a filter selects, and a way to the rows it does not (a smaller selector when most match). */
  private matchesOf(filter: Filter__Output | undefined): ShardMatches {
    return {
      matching: this.rows.match(filter),
      rows: this.rows.size,
      notMatching: () => this.rows.match(filter ? negated(filter) : { must: [], should: [], mustNot: [] }),
    };
  }

  /** Every read first: a copy loading, missing writes, or on a worker whose read lease lapsed answers none. */
  private refuseWhileLoading(): void {
    if (this.loading) {
      throw unavailable(`collection "${this.name}" is loading: shard ${this.shard} is being refilled`);
    }
    if (this.staleSince !== undefined) {
      throw unavailable(
        `shard ${this.shard} of "${this.name}" on this worker missed writes (at placement epoch ` +
          `${this.staleSince}); it answers again once refilled`,
      );
    }
    this.lease?.assertValid();
  }

  stats(): ShardCollectionStats {
    return {
      collection: this.name,
      shard: this.shard,
      lists: this.ownedCount,
      vectors: this.index.ntotal,
      memoryBytes: this.index.memoryBytes(),
      searchRequests: this.searchRequests,
      searchQueries: this.searchQueries,
      // A copy told it missed writes is no more ready than one loading: the refill watch refills it.
      loading: this.loading || this.staleSince !== undefined,
    };
  }

  private ownedLists(): number[] {
    const lists: number[] = [];
    this.owned.forEach((owned, list) => {
      if (owned) lists.push(list);
    });
    return lists;
  }

  /**
   * Refuses a search for lists this shard does not own: the caller routed it by
   * a placement that has since moved them, and searching them here would
   * silently miss their vectors.
   */
  private checkRoutedHere(lists: BigInt64Array): void {
    for (const list of lists) {
      if (list < 0n) continue;
      if (list >= BigInt(this.owned.length) || !this.owned[Number(list)]) {
        throw placementMoved(`list ${list} of "${this.name}" is not owned by shard ${this.shard}`);
      }
    }
  }

  private checkOwned(list: number): void {
    if (!Number.isInteger(list) || list < 0 || list >= this.owned.length || !this.owned[list]) {
      throw failedPrecondition(`list ${list} of "${this.name}" is not owned by shard ${this.shard}`);
    }
  }

  /** Removes the ids' vectors and rows; resolves to the vectors removed. */
  private async removeHeld(ids: BigInt64Array): Promise<number> {
    if (ids.length === 0) return 0;
    this.rows.remove(ids);
    return this.index.remove(ids);
  }

  private checkRows(vectors: Float32Array, expected: number | undefined, what: string): number {
    if (vectors.length % this.dim !== 0) {
      throw invalidArgument(
        `${what} have ${vectors.length} floats, not a multiple of the dimension ${this.dim}`,
      );
    }
    const n = vectors.length / this.dim;
    if (expected !== undefined && n !== expected) throw invalidArgument(`${expected} ids for ${n} vectors`);
    return n;
  }
}

/** The elements of `values` at the given positions. */
function pick(values: BigInt64Array, positions: Int32Array): BigInt64Array {
  return BigInt64Array.from(positions, (i) => values[i]);
}

/** The rows (of `dim` floats) of `vectors` at the given positions. */
function pickRows(vectors: Float32Array, dim: number, positions: Int32Array): Float32Array {
  const picked = new Float32Array(positions.length * dim);
  positions.forEach((row, i) => {
    picked.set(vectors.subarray(row * dim, (row + 1) * dim), i * dim);
  });
  return picked;
}
