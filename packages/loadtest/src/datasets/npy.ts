import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { type RowRange, rowRange, type VectorSet } from './vector-set.js';

/**
 * NumPy `.npy` files (format versions 1–3) holding a 2-D C-order array of
 * little-endian float32, float64 or uint8; float64 and uint8 are converted to
 * float32 as they are read.
 */
export interface NpyShape {
  dtype: NpyDtype;
  dim: number;
  count: number;
  /** Byte offset of the first element. */
  dataOffset: number;
}

export type NpyDtype = 'float32' | 'float64' | 'uint8';

const DTYPES: Record<string, NpyDtype> = {
  '<f4': 'float32',
  '<f8': 'float64',
  '|u1': 'uint8',
  '<u1': 'uint8',
  '>u1': 'uint8',
};
const ITEM_BYTES: Record<NpyDtype, number> = { float32: 4, float64: 8, uint8: 1 };
const MAGIC = '\x93NUMPY';

export function npyShape(path: string): NpyShape {
  const fd = openSync(path, 'r');
  try {
    return readHeader(fd, path);
  } finally {
    closeSync(fd);
  }
}

export function readNpy(path: string, range: RowRange = {}): VectorSet {
  const fd = openSync(path, 'r');
  try {
    const shape = readHeader(fd, path);
    const { from, to } = rowRange(shape.count, range);
    const item = ITEM_BYTES[shape.dtype];
    const bytes = Buffer.alloc((to - from) * shape.dim * item);
    const got = readSync(fd, bytes, 0, bytes.length, shape.dataOffset + from * shape.dim * item);
    if (got !== bytes.length) throw new Error(`${path}: file ended early (truncated array data)`);
    return { vectors: toFloat32(bytes, shape.dtype), dim: shape.dim, count: to - from };
  } finally {
    closeSync(fd);
  }
}

/** Writes a 2-D float32 or uint8 array as a version-1 `.npy` file. */
export function writeNpy(path: string, values: Float32Array | Float64Array | Uint8Array, dim: number): void {
  const descr = values instanceof Float32Array ? '<f4' : values instanceof Float64Array ? '<f8' : '|u1';
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${values.length / dim}, ${dim}), }`;
  // The header (magic, version, length, dict, newline) is padded to a multiple of 64 bytes.
  const unpadded = MAGIC.length + 2 + 2 + dict.length + 1;
  const header = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write(MAGIC, 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const data = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  writeFileSync(path, Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]));
}

function readHeader(fd: number, path: string): NpyShape {
  const prefix = Buffer.alloc(12);
  const got = readSync(fd, prefix, 0, 12, 0);
  if (got < 10 || prefix.toString('latin1', 0, 6) !== MAGIC) throw new Error(`${path}: not a .npy file`);
  const major = prefix[6];
  if (major < 1 || major > 3) throw new Error(`${path}: unsupported .npy format version ${major}`);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? prefix.readUInt16LE(8) : prefix.readUInt32LE(8);
  const header = Buffer.alloc(headerLength);
  readSync(fd, header, 0, headerLength, 8 + lengthBytes);
  const text = header.toString(major === 3 ? 'utf8' : 'latin1');
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (!descr || !fortran || shapeText === undefined)
    throw new Error(`${path}: malformed .npy header: ${text.trim()}`);
  const dtype = DTYPES[descr];
  if (!dtype) throw new Error(`${path}: dtype ${descr} is not supported (use float32, float64 or uint8)`);
  if (fortran === 'True') throw new Error(`${path}: Fortran-order arrays are not supported; save in C order`);
  const dims = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (dims.length !== 2)
    throw new Error(`${path}: expected a 2-D array (vectors × dimension), got shape (${shapeText})`);
  return { dtype, count: dims[0], dim: dims[1], dataOffset: 8 + lengthBytes + headerLength };
}

function toFloat32(bytes: Buffer, dtype: NpyDtype): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length / ITEM_BYTES[dtype];
  const out = new Float32Array(n);
  if (dtype === 'uint8') out.set(bytes);
  else if (dtype === 'float32') for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  else for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}
