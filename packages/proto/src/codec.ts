/**
 * Wire codec: vectors, ids and list ids cross the wire as packed little-endian
 * bytes. Decoding views the received bytes in place when they are aligned for
 * the element type (gRPC hands out slices of larger buffers, which may not be)
 * and copies only when they are not. The platforms vecshard runs on are
 * little-endian, which is what makes the in-place view correct.
 */

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('vecshard needs a little-endian platform');
}

/** Raised when bytes do not hold a whole number of elements. */
export class WireFormatError extends Error {
  override name = 'WireFormatError';
}

type TypedArrayConstructor<T> = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  new (length: number): T;
  BYTES_PER_ELEMENT: number;
};

function view<T extends ArrayBufferView>(bytes: Uint8Array, type: TypedArrayConstructor<T>, what: string): T {
  const size = type.BYTES_PER_ELEMENT;
  if (bytes.byteLength % size !== 0) {
    throw new WireFormatError(`${what} has ${bytes.byteLength} bytes, not a multiple of ${size}`);
  }
  const length = bytes.byteLength / size;
  if (bytes.byteOffset % size === 0) return new type(bytes.buffer, bytes.byteOffset, length);
  const copy = new type(length);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

/** float32 LE bytes → Float32Array (a view when aligned). */
export function decodeFloats(bytes: Uint8Array, what = 'vectors'): Float32Array {
  return view(bytes, Float32Array, what);
}

/** int64 LE bytes → BigInt64Array (a view when aligned). */
export function decodeIds(bytes: Uint8Array, what = 'ids'): BigInt64Array {
  return view(bytes, BigInt64Array, what);
}

/** A typed array's bytes as a Buffer sharing its memory (no copy). */
export function encodeArray(array: Float32Array | BigInt64Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Index of the first NaN or ±Infinity, or -1 when every value is finite. */
export function firstNonFinite(values: Float32Array): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return i;
  }
  return -1;
}
