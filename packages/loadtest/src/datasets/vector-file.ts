import { readIdx } from './idx.js';
import { npyShape, readNpy } from './npy.js';
import { readVecs, vecsShape } from './vecs.js';
import type { RowRange, VectorSet } from './vector-set.js';

/** The vector file formats users may bring. */
export type VectorFileFormat = 'fvecs' | 'bvecs' | 'npy' | 'idx';

/** The format a file name implies: .fvecs, .bvecs, .npy, or IDX (`…-ubyte`, `.idx`, optionally `.gz`). */
export function vectorFileFormat(path: string): VectorFileFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.fvecs')) return 'fvecs';
  if (name.endsWith('.bvecs')) return 'bvecs';
  if (name.endsWith('.npy')) return 'npy';
  if (/(-ubyte|\.idx\d?)$/.test(name)) return 'idx';
  throw new Error(`${path}: unknown vector file type (use .fvecs, .bvecs, .npy or an IDX file)`);
}

/** Dimension and number of vectors, without reading the data (IDX files are read whole). */
export function vectorFileShape(path: string): { format: VectorFileFormat; dim: number; count: number } {
  const format = vectorFileFormat(path);
  if (format === 'fvecs' || format === 'bvecs') {
    const { dim, count } = vecsShape(path, format);
    return { format, dim, count };
  }
  if (format === 'npy') {
    const { dim, count } = npyShape(path);
    return { format, dim, count };
  }
  const { dim, count } = readIdx(path);
  return { format, dim, count };
}

/** Reads vectors (all, or a row range) from any supported file as float32. */
export function readVectorFile(path: string, range: RowRange = {}): VectorSet {
  const format = vectorFileFormat(path);
  if (format === 'fvecs' || format === 'bvecs') return readVecs(path, format, range);
  if (format === 'npy') return readNpy(path, range);
  return readIdx(path, range);
}
