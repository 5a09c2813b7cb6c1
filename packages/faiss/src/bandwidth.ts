import { defaultAddon } from './default-addon.js';

/** The buffer {@link measureReadBandwidth} reads unless told otherwise: far beyond any cache. */
export const DEFAULT_BANDWIDTH_BYTES = 1 << 30;

/**
 * The best rate, in GB/s (1e9 bytes), at which `threads` threads (default: FAISS's
 * thread count) stream-read a buffer of `bytes`: the ceiling a scan of IVF-Flat
 * lists, which only reads stored vectors, can approach.
 */
export function measureReadBandwidth(
  bytes: number = DEFAULT_BANDWIDTH_BYTES,
  threads: number = defaultAddon.getNumThreads(),
): Promise<number> {
  if (!Number.isFinite(bytes) || bytes < 4) throw new RangeError(`bytes must be at least 4, got ${bytes}`);
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  return defaultAddon.measureReadBandwidth(bytes, threads);
}
