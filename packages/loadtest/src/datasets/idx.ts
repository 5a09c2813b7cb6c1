import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type RowRange, rowRange, type VectorSet } from './vector-set.js';

/**
 * IDX files (MNIST, Fashion-MNIST), plain or gzip: two zero bytes, a type
 * byte, the number of dimensions, big-endian uint32 sizes, then big-endian
 * data. The first dimension counts items; the rest are flattened into one
 * vector per item (28×28 images become 784-dimensional vectors).
 */
const ELEMENTS: Record<number, { bytes: number; read: (view: DataView, at: number) => number }> = {
  8: { bytes: 1, read: (v, at) => v.getUint8(at) },
  9: { bytes: 1, read: (v, at) => v.getInt8(at) },
  11: { bytes: 2, read: (v, at) => v.getInt16(at) },
  12: { bytes: 4, read: (v, at) => v.getInt32(at) },
  13: { bytes: 4, read: (v, at) => v.getFloat32(at) },
  14: { bytes: 8, read: (v, at) => v.getFloat64(at) },
};

/** Reads items of an IDX file as float32 vectors (a 1-D label file gives 1-dimensional vectors). */
export function readIdx(path: string, range: RowRange = {}): VectorSet {
  const raw = readFileSync(path);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0) throw new Error(`${path}: not an IDX file`);
  const element = ELEMENTS[bytes[2]];
  if (!element) throw new Error(`${path}: unknown IDX element type 0x${bytes[2].toString(16)}`);
  const ndims = bytes[3];
  if (ndims < 1 || bytes.length < 4 + 4 * ndims) throw new Error(`${path}: truncated IDX header`);
  const sizes = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i));
  const [total, ...rest] = sizes;
  const dim = rest.reduce((a, b) => a * b, 1);
  const dataOffset = 4 + 4 * ndims;
  if (bytes.length < dataOffset + total * dim * element.bytes) {
    throw new Error(`${path}: IDX data is shorter than its header's ${sizes.join('×')} elements`);
  }
  const { from, to } = rowRange(total, range);
  const count = to - from;
  const vectors = new Float32Array(count * dim);
  const start = dataOffset + from * dim * element.bytes;
  if (element.bytes === 1 && bytes[2] === 0x08) {
    vectors.set(bytes.subarray(start, start + count * dim));
  } else {
    for (let i = 0; i < count * dim; i++) vectors[i] = element.read(view, start + i * element.bytes);
  }
  return { vectors, dim, count };
}
