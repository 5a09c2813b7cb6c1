import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The raw addon surface: see native/*.cc. Only index.ts talks to it. */
export interface NativeSearchResult {
  distances: Float32Array;
  labels: BigInt64Array;
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
  searchPreassigned(
    x: Float32Array,
    k: number,
    nprobe: number,
    lists: BigInt64Array,
    centroidDistances: Float32Array,
  ): Promise<NativeSearchResult>;
  serialize(): Promise<Buffer>;
  exportList(list: number): { ids: BigInt64Array; codes: Uint8Array };
  importList(list: number, ids: BigInt64Array, codes: Uint8Array): void;
  memoryBytes(): number;
  toDevice(device: number, tempMemoryBytes: number): Promise<void>;
  device(): 'cpu' | 'cuda';
}

export interface NativeAddon {
  createIndex(dim: number, factory: string, metric: string): NativeIndex;
  deserialize(bytes: Uint8Array, metric: string): Promise<NativeIndex>;
  setNumThreads(n: number): void;
  getNumThreads(): number;
  faissVersion(): string;
  hasGpu(): boolean;
  gpuCount(): number;
}

function findAddon(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.VECSHARD_FAISS_ADDON,
    join(here, '..', 'build', 'Release', 'vecshard_faiss.node'),
    join(here, '..', 'build', 'Debug', 'vecshard_faiss.node'),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `The FAISS addon is not built (looked in ${candidates.join(', ')}). Run: bash scripts/setup.sh`,
    );
  }
  return found;
}

const require = createRequire(import.meta.url);
export const addon: NativeAddon = require(findAddon());
