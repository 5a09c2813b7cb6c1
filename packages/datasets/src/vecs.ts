import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { type RowRange, rowRange, type VectorSet } from './vector-set.js';

/**
 * The TEXMEX "vecs" formats (SIFT1M, GIST1M, BIGANN): every row is a
 * little-endian int32 dimension followed by that many components —
 * float32 (fvecs), uint8 (bvecs) or int32 (ivecs, used for ground truth).
 */
export type VecsKind = 'fvecs' | 'bvecs' | 'ivecs';

const COMPONENT_BYTES: Record<VecsKind, number> = { fvecs: 4, bvecs: 1, ivecs: 4 };

export interface VecsShape {
  kind: VecsKind;
  dim: number;
  count: number;
}

/** Dimension and row count, from the first row's header and the file size. */
export function vecsShape(path: string, kind: VecsKind): VecsShape {
  const fd = openSync(path, 'r');
  try {
    return shapeOf(fd, path, kind);
  } finally {
    closeSync(fd);
  }
}

/** Reads rows of an fvecs or bvecs file as float32 vectors (bvecs bytes become 0..255). */
export function readVecs(path: string, kind: 'fvecs' | 'bvecs', range: RowRange = {}): VectorSet {
  const { dim, from, to, body } = readRows(path, kind, range);
  const count = to - from;
  const vectors = new Float32Array(count * dim);
  const rowBytes = 4 + dim * COMPONENT_BYTES[kind];
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let row = 0; row < count; row++) {
    const at = row * rowBytes;
    checkRowHeader(view, at, dim, path, from + row);
    for (let d = 0; d < dim; d++) {
      vectors[row * dim + d] = kind === 'fvecs' ? view.getFloat32(at + 4 + d * 4, true) : body[at + 4 + d];
    }
  }
  return { vectors, dim, count };
}

/** Reads rows of an ivecs file (e.g. ground-truth neighbour ids). */
export function readIvecs(
  path: string,
  range: RowRange = {},
): { values: Int32Array; dim: number; count: number } {
  const { dim, from, to, body } = readRows(path, 'ivecs', range);
  const count = to - from;
  const values = new Int32Array(count * dim);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let row = 0; row < count; row++) {
    const at = row * (4 + dim * 4);
    checkRowHeader(view, at, dim, path, from + row);
    for (let d = 0; d < dim; d++) values[row * dim + d] = view.getInt32(at + 4 + d * 4, true);
  }
  return { values, dim, count };
}

/** Writes float32 rows as fvecs. */
export function writeFvecs(path: string, vectors: Float32Array, dim: number): void {
  writeVecs(path, dim, vectors.length / dim, 4, (view, at, i) => view.setFloat32(at, vectors[i], true));
}

/** Writes bytes (0..255) as bvecs. */
export function writeBvecs(path: string, values: Uint8Array, dim: number): void {
  writeVecs(path, dim, values.length / dim, 1, (view, at, i) => view.setUint8(at, values[i]));
}

/** Writes int32 rows as ivecs. */
export function writeIvecs(path: string, values: Int32Array, dim: number): void {
  writeVecs(path, dim, values.length / dim, 4, (view, at, i) => view.setInt32(at, values[i], true));
}

function writeVecs(
  path: string,
  dim: number,
  count: number,
  componentBytes: number,
  put: (view: DataView, at: number, index: number) => void,
): void {
  if (!Number.isInteger(count)) throw new RangeError(`values are not a whole number of ${dim}-wide rows`);
  const rowBytes = 4 + dim * componentBytes;
  const bytes = new Uint8Array(count * rowBytes);
  const view = new DataView(bytes.buffer);
  for (let row = 0; row < count; row++) {
    view.setInt32(row * rowBytes, dim, true);
    for (let d = 0; d < dim; d++) put(view, row * rowBytes + 4 + d * componentBytes, row * dim + d);
  }
  writeFileSync(path, bytes);
}

function shapeOf(fd: number, path: string, kind: VecsKind): VecsShape {
  const size = fstatSync(fd).size;
  if (size === 0) return { kind, dim: 0, count: 0 };
  const header = Buffer.alloc(4);
  if (readSync(fd, header, 0, 4, 0) !== 4) throw new Error(`${path}: too short for a ${kind} file`);
  const dim = header.readInt32LE(0);
  if (dim < 1 || dim > 1 << 20)
    throw new Error(`${path}: first row declares dimension ${dim}; not a ${kind} file`);
  const rowBytes = 4 + dim * COMPONENT_BYTES[kind];
  if (size % rowBytes !== 0) {
    throw new Error(`${path}: ${size} bytes is not a whole number of ${dim}-dimensional ${kind} rows`);
  }
  return { kind, dim, count: size / rowBytes };
}

function readRows(path: string, kind: VecsKind, range: RowRange) {
  const fd = openSync(path, 'r');
  try {
    const { dim, count } = shapeOf(fd, path, kind);
    const { from, to } = rowRange(count, range);
    const rowBytes = 4 + dim * COMPONENT_BYTES[kind];
    const body = Buffer.alloc((to - from) * rowBytes);
    let done = 0;
    while (done < body.length) {
      const got = readSync(fd, body, done, body.length - done, from * rowBytes + done);
      if (got === 0) throw new Error(`${path}: file ended early`);
      done += got;
    }
    return { dim, from, to, body };
  } finally {
    closeSync(fd);
  }
}

function checkRowHeader(view: DataView, at: number, dim: number, path: string, row: number): void {
  const declared = view.getInt32(at, true);
  if (declared !== dim)
    throw new Error(`${path}: row ${row} declares dimension ${declared}, expected ${dim}`);
}
