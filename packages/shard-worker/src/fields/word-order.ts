/**
 * Where the low and high 32 bits of a 64-bit element sit when its typed array
 * is viewed as 32-bit words. Reading int64 ids and doubles through word views
 * avoids allocating a BigInt per element; the order is the platform's.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Index of the low word within an element's two words. */
export const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
/** Index of the high (sign-carrying) word within an element's two words. */
export const HIGH_WORD = 1 - LOW_WORD;

/** A scratch element and its two words, for splitting one bigint without allocating arrays. */
const scratchId = new BigInt64Array(1);
const scratchWords = new Uint32Array(scratchId.buffer);

/** The low and high words of an int64, as unsigned 32-bit numbers. */
export function int64Words(value: bigint): { low: number; high: number } {
  scratchId[0] = value;
  return { low: scratchWords[LOW_WORD], high: scratchWords[HIGH_WORD] };
}

/** A view of a BigInt64Array's elements as pairs of unsigned 32-bit words. */
export function wordsOf(values: BigInt64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}
