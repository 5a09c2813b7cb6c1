/** `count` row-major vectors of `dim` floats. */
export interface VectorSet {
  vectors: Float32Array;
  dim: number;
  count: number;
}

export function vectorSet(vectors: Float32Array, dim: number): VectorSet {
  if (!Number.isInteger(dim) || dim < 1)
    throw new RangeError(`dimension must be a positive integer, got ${dim}`);
  if (vectors.length % dim !== 0) {
    throw new RangeError(`${vectors.length} floats are not a whole number of ${dim}-dimensional vectors`);
  }
  return { vectors, dim, count: vectors.length / dim };
}

/** Rows [from, to) without copying. */
export function rowsOf(set: VectorSet, from: number, to: number): Float32Array {
  return set.vectors.subarray(from * set.dim, to * set.dim);
}

/** Ids from, from+1, …, as the cluster and FAISS take them. */
export function sequentialIds(count: number, from = 0): BigInt64Array {
  const ids = new BigInt64Array(count);
  for (let i = 0; i < count; i++) ids[i] = BigInt(from + i);
  return ids;
}

/** The requested row range clipped to the file's rows, with a clear error for nonsense. */
export function rowRange(count: number, range: RowRange = {}): { from: number; to: number } {
  const from = range.from ?? 0;
  const to = Math.min(count, range.to ?? count);
  if (!Number.isInteger(from) || from < 0 || from > count) {
    throw new RangeError(`row range start must be in 0..${count}, got ${from}`);
  }
  if (!Number.isInteger(to) || to < from)
    throw new RangeError(`row range [${from}, ${range.to}) is reversed`);
  return { from, to };
}

/** Rows [from, to) of a file; `to` defaults to the end. Lets bulk loaders read big files in chunks. */
export interface RowRange {
  from?: number;
  to?: number;
}
