import { MAX_K } from '@vecshard/faiss';
import { decodeFloats, decodeIds, firstNonFinite, invalidArgument, WireFormatError } from '@vecshard/proto';

export const MAX_DIM = 65536;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function checkCollectionName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw invalidArgument(
      `collection name "${name}" is not valid: use 1 to 128 characters from A-Z a-z 0-9 _ . -, starting with a letter or digit`,
    );
  }
}

export function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) {
    throw invalidArgument(`dim must be between 1 and ${MAX_DIM}, got ${dim}`);
  }
}

export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > MAX_K)
    throw invalidArgument(`k must be between 1 and ${MAX_K}, got ${k}`);
}

export function checkNprobe(nprobe: number, nlist: number): void {
  if (!Number.isInteger(nprobe) || nprobe < 1 || nprobe > nlist) {
    throw invalidArgument(`nprobe must be between 1 and the index's ${nlist} lists, got ${nprobe}`);
  }
}

/**
 * Packed float32 rows of `dim` values → Float32Array, refusing a byte count
 * that is not whole rows and any NaN or infinity (FAISS would silently file
 * such a vector under an arbitrary list).
 */
export function decodeRows(bytes: Uint8Array, dim: number, what: string): Float32Array {
  const rowBytes = 4 * dim;
  if (bytes.byteLength % rowBytes !== 0) {
    throw invalidArgument(
      `${what} has ${bytes.byteLength} bytes, not a multiple of 4·dim = ${rowBytes} ` +
        `(float32 rows of dimension ${dim}); is the dimension right?`,
    );
  }
  const values = decodeFloats(bytes, what);
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    throw invalidArgument(
      `${what} row ${Math.floor(bad / dim)} holds ${values[bad]} at position ${bad % dim}; values must be finite`,
    );
  }
  return values;
}

/** Packed int64 ids; with `expected`, their count must match the vectors'. */
export function decodeIdList(bytes: Uint8Array, what = 'ids'): BigInt64Array {
  try {
    return decodeIds(bytes, what);
  } catch (error) {
    if (error instanceof WireFormatError)
      throw invalidArgument(`${error.message} (ids are int64, 8 bytes each)`);
    throw error;
  }
}

/** Ids to store: non-negative (-1 marks "no result") and unique within the request. */
export function checkUpsertIds(ids: BigInt64Array, vectorCount: number): void {
  if (ids.length !== vectorCount) {
    throw invalidArgument(`${ids.length} ids for ${vectorCount} vectors: give exactly one id per vector`);
  }
  // Sorting a copy finds a repeat (now adjacent) and the smallest id natively,
  // without a Set of 20,000 BigInts per batch.
  const sorted = ids.slice().sort();
  if (sorted.length > 0 && sorted[0] < 0n) {
    throw invalidArgument(`id ${sorted[0]} is negative; ids must be 0 or more`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw invalidArgument(`id ${sorted[i]} appears twice in one upsert`);
  }
}
