import { defaultAddon } from './default-addon.js';
import {
  type AddonBuild,
  allSubsetCacheStats,
  canLoad,
  type FaissBuild,
  loadAddon,
  type NativeAddon,
  type NativeIdFilter,
  type NativeIndex,
  type SubsetCacheStats,
  setAllNumThreads,
  setAllSubsetCacheBytes,
} from './native.js';

export { DEFAULT_BANDWIDTH_BYTES, measureReadBandwidth } from './bandwidth.js';
export { AVX2_FLAGS, cpuFlags, missingAvx2Flags } from './cpu-features.js';
export type { AddonBuild, FaissBuild, SubsetCacheStats };

/**
 * `l2`: squared Euclidean distance (smaller is closer).
 * `ip`: inner product (larger is closer).
 * `cosine`: inner product on L2-normalised vectors; vectors and queries are
 *   normalised by the binding (on a copy), as FAISS's `normalize_L2` would.
 */
export type Metric = 'l2' | 'ip' | 'cosine';

export const METRICS: readonly Metric[] = ['l2', 'ip', 'cosine'];

/**
 * k results per query, row-major. Where fewer than k exist, the rest of the row is
 * padded as FAISS pads it: label -1 and float32's largest value (3.4028235e38), negated
 * for inner product and cosine (the worst distance, though not ±Infinity).
 */
export interface SearchResult {
  distances: Float32Array;
  labels: BigInt64Array;
}

/** The coarse assignment of each query: its `nprobe` nearest lists, row-major, and their distances. */
export interface Assignment {
  lists: BigInt64Array;
  distances: Float32Array;
}

/** One inverted list's content: ids and FAISS codes (`codeSize` bytes each). */
export interface ListContent {
  ids: BigInt64Array;
  codes: Uint8Array;
}

export interface SearchOptions {
  /** Lists probed per query (IVF only); defaults to 1, as in FAISS. */
  nprobe?: number;
}

export interface PreassignedSearchOptions {
  /**
   * Only ids this filter lets through are results (FAISS `SearchParametersIVF::sel`).
   * IVF indexes of Flat, SQ or PQ codes only: others reject with ERR_FAILED_PRECONDITION.
   */
  filter?: IdFilter;
}

/** Stored vectors read back by id: `found[i]` is 1 when `ids[i]` is stored, and row i of `vectors` its vector. */
export interface Reconstruction {
  found: Uint8Array;
  /** `dim` floats per id asked for, in that order; zeros where not found. */
  vectors: Float32Array;
}

/** Which ids an {@link IdFilter} lets through: only its ids (`include`), or every id but them (`exclude`). */
export type IdFilterMode = 'include' | 'exclude';

export const ID_FILTER_MODES: readonly IdFilterMode[] = ['include', 'exclude'];

// Set in IdFilter's static block: how FaissIndex makes filters and reaches their native selector,
// which nothing outside this module can.
let newIdFilter: (native: NativeIdFilter, mode: IdFilterMode, build: FaissBuild) => IdFilter;
let nativeFilter: (filter: IdFilter) => NativeIdFilter;

/**
 * A set of ids a search is restricted to, made by {@link FaissIndex.idFilter} once per
 * request and reused by every search of it, on any index of the same FAISS build.
 * Natively it is a FAISS `IDSelector` (wrapped in `IDSelectorNot` to exclude): a bitmap
 * over the ids' span when they are dense (at least one id per 256 of the span: at most
 * 32 bytes per id, and a lookup is one byte read), otherwise FAISS's `IDSelectorBatch`
 * (a hash set behind a bloom filter, about 40–50 bytes per id, whose lookups miss the
 * cache once the set is large: a scan that tests each entry against a set of 100 000
 * ids or more runs several times slower than unfiltered). It holds that memory until
 * {@link dispose} is called or the filter is garbage-collected; disposing of it while
 * searches that use it run is safe (they keep the selector until they finish), using
 * it afterwards throws a TypeError.
 */
export class IdFilter {
  readonly #native: NativeIdFilter;

  static {
    newIdFilter = (native, mode, build) => new IdFilter(native, mode, build);
    nativeFilter = (filter) => filter.#native;
  }

  private constructor(
    native: NativeIdFilter,
    readonly mode: IdFilterMode,
    /** The FAISS build whose indexes this filter can be used with. */
    readonly faissBuild: FaissBuild,
  ) {
    this.#native = native;
  }

  /** Distinct ids in the set (0 once disposed of). */
  get size(): number {
    return this.#native.size();
  }

  /** How the set is held: `bitmap` (dense ids) or `hash` (FAISS `IDSelectorBatch`); undefined once disposed of. */
  get kind(): 'bitmap' | 'hash' | undefined {
    return this.#native.kind();
  }

  get disposed(): boolean {
    return this.#native.disposed();
  }

  /** Approximate native heap bytes the selector holds (0 once disposed of). */
  memoryBytes(): number {
    return this.#native.memoryBytes();
  }

  /** Frees the native selector now rather than at garbage collection; calling it again does nothing. */
  dispose(): void {
    this.#native.dispose();
  }
}

/** Threads FAISS may use per call (OpenMP), applied on every worker thread that runs FAISS. */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`thread count must be a positive integer, got ${n}`);
  setAllNumThreads(n);
}

export function getNumThreads(): number {
  return defaultAddon.getNumThreads();
}

/** The FAISS version the addon is linked against, e.g. "1.7.3". */
export function faissVersion(): string {
  return defaultAddon.faissVersion();
}

/** The FAISS build this process uses by default (VECSHARD_FAISS_BUILD, `auto` unless set). */
export function faissBuild(): FaissBuild {
  return defaultAddon.faissBuild();
}

/** The builds {@link FaissIndex.create} can be asked for here: built, and runnable on this CPU. */
export function availableFaissBuilds(): AddonBuild[] {
  return (['avx2', 'generic'] as const).filter(canLoad);
}

/**
 * How many bytes of searched subsets FAISS keeps gathered (default 64 MiB per
 * process; 0 keeps none). A subset {@link FaissIndex.searchSubset} is asked for
 * a second time while its index is unchanged, such as one tenant's rows, is
 * copied into one contiguous block and searched from there while no write
 * changes the index: its rows lie scattered over the inverted lists, and
 * measuring them in place costs two cache misses each. Least recently used
 * subsets go first; one subset takes at most a quarter of the budget.
 */
export function setSubsetCacheBytes(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    throw new RangeError(`subset cache bytes must be a non-negative integer, got ${bytes}`);
  setAllSubsetCacheBytes(bytes);
}

/** The subset cache's entries, bytes, hits and misses (every loaded FAISS build together). */
export function subsetCacheStats(): SubsetCacheStats {
  return allSubsetCacheStats();
}

/** Whether the addon was built against a GPU-enabled FAISS. */
export function hasGpu(): boolean {
  return defaultAddon.hasGpu();
}

/** GPUs visible to this process (0 in a CPU-only build). */
export function gpuCount(): number {
  return defaultAddon.gpuCount();
}

/** Error codes on rejected promises, so servers can map them to statuses. */
export type FaissErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_FAILED_PRECONDITION'
  | 'ERR_DEVICE_MEMORY'
  | 'ERR_FAISS';

/** Which FAISS build holds an index; by default the process's own ({@link faissBuild}). */
export interface BuildOptions {
  /** `generic` (Debian's FAISS) or `avx2`; throws when that build cannot be loaded here. */
  build?: AddonBuild;
}

function addonFor(options: BuildOptions): NativeAddon {
  if (options.build === undefined) return defaultAddon;
  if (options.build !== 'avx2' && options.build !== 'generic') {
    throw new RangeError(`unknown FAISS build "${options.build}" (use avx2 or generic)`);
  }
  return loadAddon(options.build);
}

export interface DeviceOptions {
  /** Scratch memory FAISS reserves on the GPU, in bytes (0 = FAISS's default). */
  tempMemoryBytes?: number;
}

/**
 * A FAISS index. Every slow call runs on a libuv worker thread and returns a
 * promise; concurrent calls are safe (searches share a read lock, writes take
 * the write lock). Typed arrays passed in are read in place, not copied, and
 * must not be modified until the promise settles.
 */
export class FaissIndex {
  private constructor(
    private readonly native: NativeIndex,
    readonly dim: number,
    readonly metric: Metric,
    /** The FAISS build whose code runs this index's calls. */
    readonly faissBuild: FaissBuild,
  ) {}

  /** Builds an index from a FAISS factory string (`IVF1024,Flat`, `IVF256,PQ16`, `Flat`, `HNSW32` …). */
  static create(dim: number, factory: string, metric: Metric = 'l2', options: BuildOptions = {}): FaissIndex {
    if (!Number.isInteger(dim) || dim < 1)
      throw new RangeError(`dimension must be a positive integer, got ${dim}`);
    if (!METRICS.includes(metric)) throw new RangeError(`unknown metric "${metric}" (use l2, ip or cosine)`);
    if (typeof factory !== 'string' || factory.trim() === '') throw new TypeError('factory string is empty');
    const addon = addonFor(options);
    return new FaissIndex(addon.createIndex(dim, factory, metric), dim, metric, addon.faissBuild());
  }

  /**
   * An id filter for {@link searchPreassigned}: `include` lets only these ids through,
   * `exclude` every id but these. Built on the calling thread, once per request: dense
   * ids (a bitmap) take about a millisecond per million, others (a hash set) up to a
   * second per million; {@link idFilterAsync} builds large sets on a libuv thread. It
   * works with indexes of the build it was made for, the process's default unless
   * `options.build` says otherwise.
   */
  static idFilter(ids: BigInt64Array, mode: IdFilterMode, options: BuildOptions = {}): IdFilter {
    const exclude = filterMode(ids, mode);
    const addon = addonFor(options);
    return newIdFilter(addon.createIdFilter(ids, exclude), mode, addon.faissBuild());
  }

  /** {@link idFilter}, with the set built on a libuv thread: `ids` must not change until it resolves. */
  static idFilterAsync(
    ids: BigInt64Array,
    mode: IdFilterMode,
    options: BuildOptions = {},
  ): Promise<IdFilter> {
    const exclude = filterMode(ids, mode);
    const addon = addonFor(options);
    return addon
      .createIdFilterAsync(ids, exclude)
      .then((native) => newIdFilter(native, mode, addon.faissBuild()));
  }

  /** Reads an index written by {@link serialize}. `metric` restores the cosine flag FAISS does not store. */
  static async deserialize(
    bytes: Uint8Array,
    metric: Metric = 'l2',
    options: BuildOptions = {},
  ): Promise<FaissIndex> {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array or Buffer');
    if (!METRICS.includes(metric)) throw new RangeError(`unknown metric "${metric}" (use l2, ip or cosine)`);
    const addon = addonFor(options);
    const native = await addon.deserialize(bytes, metric);
    return new FaissIndex(native, native.dim, metric, addon.faissBuild());
  }

  get ntotal(): number {
    return this.native.ntotal();
  }

  get isTrained(): boolean {
    return this.native.isTrained();
  }

  /** True for IVF indexes, which support nprobe, assign and searchPreassigned. */
  get isIvf(): boolean {
    return this.native.isIvf();
  }

  /** Number of inverted lists (0 for non-IVF indexes). */
  get nlist(): number {
    return this.native.nlist();
  }

  /** Bytes per stored vector code (IVF only). */
  get codeSize(): number {
    return this.native.codeSize();
  }

  /** Vectors held by each inverted list. */
  listSizes(): Float64Array {
    return this.native.listSizes();
  }

  /**
   * The coarse quantizer's centroids (IVF only, trained): nlist rows of `dim`
   * float32, exactly as FAISS holds them, so a client can assign queries to
   * lists itself.
   */
  centroids(): Float32Array {
    return this.native.centroids();
  }

  /** Approximate heap bytes held by the index's vectors and ids. */
  memoryBytes(): number {
    return this.native.memoryBytes();
  }

  /** Where searches run: `cpu`, or `cuda` once {@link toDevice} has copied the index to a GPU. */
  get device(): 'cpu' | 'cuda' {
    return this.native.device();
  }

  /**
   * Searches from now on run on GPU `device` (IVF indexes). Writes still go to the
   * CPU index, and the GPU copy is refreshed before the next search after a write.
   * Rejects with code ERR_DEVICE_MEMORY when the index does not fit on the device.
   */
  toDevice(device: number, options: DeviceOptions = {}): Promise<void> {
    return this.native.toDevice(device, options.tempMemoryBytes ?? 0);
  }

  train(vectors: Float32Array): Promise<void> {
    this.rows(vectors, 'training vectors');
    return this.native.train(vectors);
  }

  add(vectors: Float32Array, ids: BigInt64Array): Promise<void> {
    this.sameCount(vectors, ids);
    return this.native.add(vectors, ids);
  }

  /** Adds vectors into the given inverted lists (FAISS `add_core`): no coarse assignment happens. */
  addPreassigned(vectors: Float32Array, ids: BigInt64Array, lists: BigInt64Array): Promise<void> {
    const n = this.sameCount(vectors, ids);
    expectArray(lists, BigInt64Array, 'lists');
    if (lists.length !== n) throw new RangeError(`lists has ${lists.length} entries for ${n} vectors`);
    return this.native.addPreassigned(vectors, ids, lists);
  }

  /** Removes the ids; resolves to how many vectors were removed. */
  remove(ids: BigInt64Array): Promise<number> {
    expectArray(ids, BigInt64Array, 'ids');
    return this.native.removeIds(ids);
  }

  search(queries: Float32Array, k: number, options: SearchOptions = {}): Promise<SearchResult> {
    this.rows(queries, 'queries');
    checkK(k);
    return this.native.search(queries, k, this.nprobe(options.nprobe ?? 0));
  }

  /** The coarse quantizer's `nprobe` nearest lists for each query, with their centroid distances. */
  assign(queries: Float32Array, nprobe: number): Promise<Assignment> {
    const rows = this.rows(queries, 'queries');
    const probes = this.nprobe(nprobe, true);
    if (rows * this.nlist * this.dim <= ASSIGN_NOW_MAX_WORK) {
      try {
        const now = this.native.assignNow(queries, probes);
        if (now) return Promise.resolve(now);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.native.assign(queries, probes);
  }

  /**
   * Searches only the given lists (FAISS `search_preassigned`): `lists` and
   * `centroidDistances` hold `nprobe` entries per query, as {@link assign} returns
   * them; a list id of -1 is skipped, which is how a shard searches only its own lists.
   * With `options.filter`, only the ids it lets through are results: the lists are
   * scanned as without it, and each entry's id is tested before its distance is kept.
   * A filtered search of an index copied to a GPU runs on the CPU index (FAISS
   * 1.7.3's GPU IVF ignores id selectors).
   */
  searchPreassigned(
    queries: Float32Array,
    k: number,
    assignment: Assignment,
    options: PreassignedSearchOptions = {},
  ): Promise<SearchResult> {
    const nq = this.rows(queries, 'queries');
    checkK(k);
    expectArray(assignment.lists, BigInt64Array, 'lists');
    expectArray(assignment.distances, Float32Array, 'centroid distances');
    const filter = this.filterArg(options.filter);
    if (nq === 0) {
      return this.native.searchPreassigned(queries, k, 1, assignment.lists, assignment.distances, filter);
    }
    if (assignment.lists.length % nq !== 0 || assignment.lists.length === 0) {
      throw new RangeError(`lists has ${assignment.lists.length} entries, not a multiple of ${nq} queries`);
    }
    if (assignment.distances.length !== assignment.lists.length) {
      throw new RangeError('centroid distances and lists differ in length');
    }
    const nprobe = assignment.lists.length / nq;
    try {
      const now = this.native.searchPreassignedNow(
        queries,
        k,
        nprobe,
        assignment.lists,
        assignment.distances,
        SEARCH_NOW_MAX_BYTES,
        filter,
      );
      if (now) return Promise.resolve(now);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.native.searchPreassigned(queries, k, nprobe, assignment.lists, assignment.distances, filter);
  }

  /**
   * The exact k nearest, for each query, among the stored vectors with these ids (IVF
   * only): ids not stored are skipped and repeats count once, so a row has fewer than
   * k results (label -1, padded as in {@link SearchResult}) when fewer ids are stored.
   * The vectors are found through the index's id map and decoded once per call into a
   * copy (ids × dim floats; FAISS `reconstruct_from_offset`), after which writers no
   * longer wait for the call, then measured by brute force (`knn_L2sqr`,
   * `knn_inner_product`): O(ids × dim) per query, on FAISS's threads. For IVF-Flat the
   * decoded vectors are the stored ones, so the results are exact; for SQ and PQ they
   * are the codes' reconstructions, the vectors FAISS's list scans measure too, so the
   * results are exact for the encoded vectors, not for the vectors that were added.
   * Cosine indexes normalise the queries, as {@link search} does.
   */
  searchSubset(queries: Float32Array, k: number, ids: BigInt64Array): Promise<SearchResult> {
    this.rows(queries, 'queries');
    checkK(k);
    expectArray(ids, BigInt64Array, 'ids');
    if (ids.length * queries.length <= SUBSET_NOW_MAX_WORK) {
      try {
        const now = this.native.searchSubsetNow(queries, k, ids);
        if (now) return Promise.resolve(now);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.native.searchSubset(queries, k, ids);
  }

  /**
   * The stored vector of each id (IVF only), decoded: the vector added for Flat, its
   * reconstruction for SQ and PQ, normalised for cosine indexes. A few ids are read
   * on the calling thread; many, or any while a write holds the index, on a libuv thread.
   */
  reconstructIds(ids: BigInt64Array): Promise<Reconstruction> {
    expectArray(ids, BigInt64Array, 'ids');
    if (ids.length * this.dim <= RECONSTRUCT_NOW_MAX_FLOATS) {
      try {
        const now = this.native.reconstructIdsNow(ids);
        if (now) return Promise.resolve(now);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.native.reconstructIds(ids);
  }

  /** Writes the whole index (FAISS `write_index`) into a Buffer. */
  serialize(): Promise<Buffer> {
    return this.native.serialize();
  }

  /** Copies one inverted list's ids and codes out of the index. */
  exportList(list: number): ListContent {
    this.listNo(list);
    return this.native.exportList(list);
  }

  /** Replaces one inverted list's content with the given ids and codes. */
  importList(list: number, content: ListContent): void {
    this.listNo(list);
    expectArray(content.ids, BigInt64Array, 'ids');
    expectArray(content.codes, Uint8Array, 'codes');
    if (content.codes.length !== content.ids.length * this.codeSize) {
      throw new RangeError(
        `codes has ${content.codes.length} bytes for ${content.ids.length} ids of ${this.codeSize} bytes each`,
      );
    }
    this.native.importList(list, content.ids, content.codes);
  }

  private rows(vectors: Float32Array, what: string): number {
    expectArray(vectors, Float32Array, what);
    if (vectors.length % this.dim !== 0) {
      throw new RangeError(
        `${what} have ${vectors.length} floats, not a multiple of the dimension ${this.dim}`,
      );
    }
    return vectors.length / this.dim;
  }

  private sameCount(vectors: Float32Array, ids: BigInt64Array): number {
    const n = this.rows(vectors, 'vectors');
    expectArray(ids, BigInt64Array, 'ids');
    if (ids.length !== n) throw new RangeError(`${ids.length} ids for ${n} vectors`);
    return n;
  }

  private nprobe(nprobe: number, required = false): number {
    if (!Number.isInteger(nprobe) || nprobe < 0 || (required && nprobe < 1)) {
      throw new RangeError(`nprobe must be a positive integer, got ${nprobe}`);
    }
    if (nprobe > 0 && this.isIvf && nprobe > this.nlist) {
      throw new RangeError(`nprobe ${nprobe} exceeds the index's ${this.nlist} lists`);
    }
    return nprobe;
  }

  private filterArg(filter: IdFilter | undefined): NativeIdFilter | undefined {
    if (filter === undefined) return undefined;
    if (!(filter instanceof IdFilter))
      throw new TypeError('filter must be an IdFilter (FaissIndex.idFilter)');
    if (filter.faissBuild !== this.faissBuild) {
      throw new TypeError(
        `the filter was made for the ${filter.faissBuild} FAISS build but this index runs on ${this.faissBuild}: ` +
          `pass { build: '${this.faissBuild}' } to FaissIndex.idFilter`,
      );
    }
    if (filter.disposed) throw new TypeError('the IdFilter has been disposed of');
    return nativeFilter(filter);
  }

  private listNo(list: number): void {
    if (!this.isIvf) throw new TypeError('inverted lists exist only in IVF indexes');
    if (!Number.isInteger(list) || list < 0 || list >= this.nlist) {
      throw new RangeError(`list ${list} is outside 0..${this.nlist - 1}`);
    }
  }
}

/** FAISS's own limit for k on CPU search is large, but a k this big is a caller's mistake. */
export const MAX_K = 4096;

/**
 * Coarse assignments up to this many multiply-adds (rows × lists × dimension)
 * run on the calling thread: one query against 1024 centroids of 128
 * dimensions takes tens of microseconds, less than handing it to a libuv
 * thread and back, which is what a single-query search waits for.
 */
const ASSIGN_NOW_MAX_WORK = 1 << 20;

/**
 * A preassigned search whose lists hold at most this many bytes of codes runs
 * on the calling thread (tens of microseconds of scanning); longer scans go to
 * a libuv thread, so the caller's event loop never stalls for long.
 */
const SEARCH_NOW_MAX_BYTES = 256 * 1024;

/**
 * searchSubset of up to this many multiply-adds (ids × queries × dimension:
 * one query among 8192 vectors of 128) runs on the calling thread. A tenant's
 * or a selective filter's single query measures a few thousand vectors in
 * tens of microseconds; handing that to a libuv thread and waking the event
 * loop again cost more, in CPU and in latency, on a busy machine.
 */
const SUBSET_NOW_MAX_WORK = 1 << 20;

/**
 * reconstructIds of up to this many floats (ids × dimension: 512 vectors of 128)
 * runs on the calling thread: decoding them takes microseconds.
 */
const RECONSTRUCT_NOW_MAX_FLOATS = 1 << 16;

/** Checks an id filter's arguments; true for `exclude`. */
function filterMode(ids: BigInt64Array, mode: IdFilterMode): boolean {
  expectArray(ids, BigInt64Array, 'ids');
  if (!ID_FILTER_MODES.includes(mode))
    throw new RangeError(`unknown id filter mode "${mode}" (use include or exclude)`);
  return mode === 'exclude';
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > MAX_K)
    throw new RangeError(`k must be an integer in 1..${MAX_K}, got ${k}`);
}

function expectArray(
  value: unknown,
  type: { new (...args: never[]): unknown; name: string },
  what: string,
): void {
  if (!(value instanceof type)) throw new TypeError(`${what} must be a ${type.name}`);
}
