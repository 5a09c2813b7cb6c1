import { createHash } from 'node:crypto';

const MAGIC = 'VSL1';
const HEADER_BYTES = 16;

/** One inverted list as stored: its ids and codes, as FAISS holds them. */
export interface ListData {
  /** n ids, int64 LE. */
  ids: Uint8Array;
  /** n codes of `codeSize` bytes each. */
  codes: Uint8Array;
}

/**
 * Serialises a list: "VSL1", code size (u32 LE), count (u64 LE), the ids, then
 * the codes. Self-describing, so a blob can be checked without its manifest.
 */
export function encodeListBlob(list: ListData): Buffer {
  return Buffer.concat([header(list), list.ids, list.codes]);
}

/**
 * The sha256 and size a list's blob would have, computed without building the
 * blob: a worker reports these so unchanged lists need not be sent at all.
 */
export function listBlobDigest(list: ListData): { sha256: string; bytes: number } {
  const hash = createHash('sha256').update(header(list)).update(list.ids).update(list.codes);
  return { sha256: hash.digest('hex'), bytes: HEADER_BYTES + list.ids.byteLength + list.codes.byteLength };
}

function header(list: ListData): Buffer {
  const n = list.ids.byteLength / 8;
  const codeSize = n > 0 ? list.codes.byteLength / n : 0;
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(codeSize, 4);
  bytes.writeBigUInt64LE(BigInt(n), 8);
  return bytes;
}

/** Reads a list blob back, refusing anything that is not one (`where` names it in the message). */
export function decodeListBlob(blob: Buffer, where: string): ListData {
  if (blob.byteLength < HEADER_BYTES || blob.toString('latin1', 0, 4) !== MAGIC) {
    throw new Error(`${where} is not a vecshard list blob`);
  }
  const codeSize = blob.readUInt32LE(4);
  const n = Number(blob.readBigUInt64LE(8));
  if (blob.byteLength !== HEADER_BYTES + n * (8 + codeSize)) {
    throw new Error(
      `${where} is truncated: ${blob.byteLength} bytes for ${n} vectors of ${codeSize}-byte codes`,
    );
  }
  return {
    ids: blob.subarray(HEADER_BYTES, HEADER_BYTES + n * 8),
    codes: blob.subarray(HEADER_BYTES + n * 8),
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
