/**
 * The two 32-bit hashes of each id that place it in a Bloom filter: bit i of
 * k is (h1 + i·h2) mod m (Kirsch and Mitzenmacher's double hashing), computed
 * in Redis for each generation's m and k. h2 is odd, so the k bits differ
 * for any m. The filters live in Redis across coordinator versions: changing
 * this function needs a new ID_HASH_VERSION (filters of another version are
 * not trusted, and writes go to every shard until they are rebuilt).
 */
export const ID_HASH_VERSION = 1;

/** h1 and h2 of every id, interleaved: [h1(id0), h2(id0), h1(id1), …]. */
export function idHashes(ids: BigInt64Array): Uint32Array {
  // Little-endian: the low word of each id first.
  const words = new Uint32Array(ids.buffer, ids.byteOffset, ids.length * 2);
  const out = new Uint32Array(ids.length * 2);
  for (let i = 0; i < ids.length; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    out[2 * i] = fmix32(Math.imul(lo ^ 0x9e3779b9, 0xcc9e2d51) ^ fmix32((hi + 0x7f4a7c15) >>> 0));
    out[2 * i + 1] =
      (fmix32(Math.imul(hi ^ 0x85ebca77, 0x1b873593) ^ fmix32((lo + 0x165667b1) >>> 0)) | 1) >>> 0;
  }
  return out;
}

/** MurmurHash3's 32-bit finaliser: every input bit flips each output bit with probability ½. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
