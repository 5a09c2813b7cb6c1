import { createRequire } from 'node:module';
import { type AddonBuild, addonCandidates, findAddonFile } from './addon-files.js';
import { settleBlasIdleThreads } from './blas-threads.js';
import { missingAvx2Flags } from './cpu-features.js';

/** The raw addon surface: see native/*.cc. Only index.ts and builds.ts talk to it. */
export interface NativeSearchResult {
  distances: Float32Array;
  labels: BigInt64Array;
}

/** A native FAISS id selector (a bitmap or IDSelectorBatch, negated for exclude): see native/id_filter.h. */
export interface NativeIdFilter {
  /** Distinct ids in the set (0 once disposed of). */
  size(): number;
  /** How the set is held: a bitmap over the ids' span, or FAISS's IDSelectorBatch hash set. */
  kind(): 'bitmap' | 'hash' | undefined;
  /** Approximate heap bytes the selector holds (reported to V8 as external memory). */
  memoryBytes(): number;
  /** Drops this object's hold on the selector; searches already running keep theirs. */
  dispose(): void;
  disposed(): boolean;
}

export interface NativeReconstruction {
  found: Uint8Array;
  vectors: Float32Array;
}

export interface NativeIndex {
  readonly dim: number;
  ntotal(): number;
  isTrained(): boolean;
  nlist(): number;
  isIvf(): boolean;
  codeSize(): number;
  listSizes(): Float64Array;
  centroids(): Float32Array;
  train(x: Float32Array): Promise<void>;
  add(x: Float32Array, ids: BigInt64Array): Promise<void>;
  addPreassigned(x: Float32Array, ids: BigInt64Array, lists: BigInt64Array): Promise<void>;
  removeIds(ids: BigInt64Array): Promise<number>;
  search(x: Float32Array, k: number, nprobe: number): Promise<NativeSearchResult>;
  assign(x: Float32Array, nprobe: number): Promise<{ distances: Float32Array; lists: BigInt64Array }>;
  /** Synchronous assign; undefined when a writer holds the index. */
  assignNow(x: Float32Array, nprobe: number): { distances: Float32Array; lists: BigInt64Array } | undefined;
  searchPreassigned(
    x: Float32Array,
    k: number,
    nprobe: number,
    lists: BigInt64Array,
    centroidDistances: Float32Array,
    filter?: NativeIdFilter,
  ): Promise<NativeSearchResult>;
  /** Synchronous searchPreassigned; undefined when the lists hold more than maxBytes of codes or a writer holds the index. */
  searchPreassignedNow(
    x: Float32Array,
    k: number,
    nprobe: number,
    lists: BigInt64Array,
    centroidDistances: Float32Array,
    maxBytes: number,
    filter?: NativeIdFilter,
  ): NativeSearchResult | undefined;
  searchSubset(x: Float32Array, k: number, ids: BigInt64Array): Promise<NativeSearchResult>;
  /** Synchronous searchSubset; undefined when a writer holds the index. */
  searchSubsetNow(x: Float32Array, k: number, ids: BigInt64Array): NativeSearchResult | undefined;
  reconstructIds(ids: BigInt64Array): Promise<NativeReconstruction>;
  /** Synchronous reconstructIds; undefined when a writer holds the index. */
  reconstructIdsNow(ids: BigInt64Array): NativeReconstruction | undefined;
  serialize(): Promise<Buffer>;
  exportList(list: number): { ids: BigInt64Array; codes: Uint8Array };
  importList(list: number, ids: BigInt64Array, codes: Uint8Array): void;
  memoryBytes(): number;
  toDevice(device: number, tempMemoryBytes: number): Promise<void>;
  device(): 'cpu' | 'cuda';
}

/** Which FAISS an addon links: Debian's generic build, the AVX2 build, or a GPU build. */
export type FaissBuild = 'avx2' | 'generic' | 'gpu';

export interface NativeAddon {
  createIndex(dim: number, factory: string, metric: string): NativeIndex;
  deserialize(bytes: Uint8Array, metric: string): Promise<NativeIndex>;
  createIdFilter(ids: BigInt64Array, exclude: boolean): NativeIdFilter;
  createIdFilterAsync(ids: BigInt64Array, exclude: boolean): Promise<NativeIdFilter>;
  setNumThreads(n: number): void;
  getNumThreads(): number;
  faissVersion(): string;
  faissBuild(): FaissBuild;
  measureReadBandwidth(bytes: number, threads: number): Promise<number>;
  hasGpu(): boolean;
  gpuCount(): number;
  setSubsetCacheBytes(bytes: number): void;
  subsetCacheStats(): SubsetCacheStats;
}

/** What an addon's cache of searched subsets holds, and how often it answered. */
export interface SubsetCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export type { AddonBuild };

const require = createRequire(import.meta.url);
// Before any addon, and with it OpenBLAS, is loaded.
settleBlasIdleThreads();
// Each addon build is loaded at most once per process; both may be loaded side by
// side (each links its own FAISS statically and exports none of its symbols).
const loaded = new Map<AddonBuild, NativeAddon>();
// The thread count set through setAllNumThreads, applied to addons loaded later too.
let threadCount: number | undefined;
// The subset cache budget set through setAllSubsetCacheBytes, likewise.
let subsetCacheBytes: number | undefined;

/** Whether this process could load that build: it is built and, for avx2, the CPU runs it. */
export function canLoad(build: AddonBuild): boolean {
  return findAddonFile(build) !== undefined && (build === 'generic' || missingAvx2Flags().length === 0);
}

/** The addon of one build, loaded on first use; throws a readable error when it cannot be. */
export function loadAddon(build: AddonBuild): NativeAddon {
  const cached = loaded.get(build);
  if (cached) return cached;
  const file = findAddonFile(build);
  if (!file) {
    const hint =
      build === 'avx2'
        ? 'it is built by bash scripts/setup.sh on a CPU with avx2, fma and f16c (unless VECSHARD_FAISS_SIMD=0)'
        : 'run: bash scripts/setup.sh';
    throw new Error(
      `The ${build} FAISS addon is not built (looked in ${addonCandidates(build).join(', ')}): ${hint}`,
    );
  }
  const missing = build === 'avx2' ? missingAvx2Flags() : [];
  if (missing.length > 0) {
    throw new Error(
      `The avx2 FAISS addon needs a CPU with avx2, fma and f16c; this one lacks ${missing.join(', ')}`,
    );
  }
  return remember(build, require(file));
}

/**
 * Loads an addon from an explicit path (VECSHARD_FAISS_ADDON). It then also serves
 * requests for the build it reports, so one process never loads two copies of it.
 */
export function loadAddonFile(file: string): NativeAddon {
  const addon: NativeAddon = require(file);
  const build: AddonBuild = addon.faissBuild() === 'avx2' ? 'avx2' : 'generic';
  return loaded.get(build) ?? remember(build, addon);
}

/** Threads FAISS may use per call, in every addon loaded now or later. */
export function setAllNumThreads(n: number): void {
  threadCount = n;
  for (const addon of loaded.values()) addon.setNumThreads(n);
}

/** The bytes every addon, loaded now or later, may keep searched subsets in. */
export function setAllSubsetCacheBytes(bytes: number): void {
  subsetCacheBytes = bytes;
  for (const addon of loaded.values()) addon.setSubsetCacheBytes(bytes);
}

/** The subset caches of every loaded addon, summed. */
export function allSubsetCacheStats(): SubsetCacheStats {
  const total: SubsetCacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0 };
  for (const addon of loaded.values()) {
    const stats = addon.subsetCacheStats();
    total.entries += stats.entries;
    total.bytes += stats.bytes;
    total.hits += stats.hits;
    total.misses += stats.misses;
  }
  return total;
}

function remember(build: AddonBuild, addon: NativeAddon): NativeAddon {
  if (threadCount !== undefined) addon.setNumThreads(threadCount);
  if (subsetCacheBytes !== undefined) addon.setSubsetCacheBytes(subsetCacheBytes);
  loaded.set(build, addon);
  return addon;
}
