import { createHash } from 'node:crypto';

/** A list without fields: the format every snapshot had before fields existed. */
const MAGIC = 'VSL1';
const HEADER_BYTES = 16;
/** A list with its rows' fields after the codes. */
const MAGIC_WITH_FIELDS = 'VSL2';
const HEADER_WITH_FIELDS_BYTES = 24;

/** One inverted list as stored: its ids and codes, as FAISS holds them, and its rows' fields. */
export interface ListData {
  /** n ids, int64 LE. */
  ids: Uint8Array;
  /** n codes of `codeSize` bytes each. */
  codes: Uint8Array;
  /** The rows' fields as the shard's row codec encodes them; absent or empty without fields. */
  fields?: Uint8Array;
}

/**
 * Serialises a list: "VSL1", code size (u32 LE), count (u64 LE), the ids, then
 * the codes. A list with fields is "VSL2", the same header plus the fields'
 * byte length (u64 LE), then ids, codes and fields. Self-describing, so a
 * blob can be checked without its manifest; lists without fields keep the
 * first format, so their blobs (and digests) are those of older snapshots.
 */
export function encodeListBlob(list: ListData): Buffer {
  return Buffer.concat([header(list), list.ids, list.codes, ...(hasFields(list) ? [list.fields!] : [])]);
}

/**
 * The sha256 and size a list's blob would have, computed without building the
 * blob: a worker reports these so unchanged lists need not be sent at all.
 */
export function listBlobDigest(list: ListData): { sha256: string; bytes: number } {
  const head = header(list);
  const hash = createHash('sha256').update(head).update(list.ids).update(list.codes);
  if (hasFields(list)) hash.update(list.fields!);
  const fieldBytes = hasFields(list) ? list.fields!.byteLength : 0;
  return {
    sha256: hash.digest('hex'),
    bytes: head.byteLength + list.ids.byteLength + list.codes.byteLength + fieldBytes,
  };
}

function hasFields(list: ListData): boolean {
  return list.fields !== undefined && list.fields.byteLength > 0;
}

function header(list: ListData): Buffer {
  const n = list.ids.byteLength / 8;
  const codeSize = n > 0 ? list.codes.byteLength / n : 0;
  const withFields = hasFields(list);
  const bytes = Buffer.alloc(withFields ? HEADER_WITH_FIELDS_BYTES : HEADER_BYTES);
  bytes.write(withFields ? MAGIC_WITH_FIELDS : MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(codeSize, 4);
  bytes.writeBigUInt64LE(BigInt(n), 8);
  if (withFields) bytes.writeBigUInt64LE(BigInt(list.fields!.byteLength), 16);
  return bytes;
}

/** Reads a list blob back, refusing anything that is not one (`where` names it in the message). */
export function decodeListBlob(blob: Buffer, where: string): ListData {
  const magic = blob.byteLength >= HEADER_BYTES ? blob.toString('latin1', 0, 4) : '';
  const withFields = magic === MAGIC_WITH_FIELDS && blob.byteLength >= HEADER_WITH_FIELDS_BYTES;
  if (magic !== MAGIC && !withFields) throw new Error(`${where} is not a vecshard list blob`);
  const headerBytes = withFields ? HEADER_WITH_FIELDS_BYTES : HEADER_BYTES;
  const codeSize = blob.readUInt32LE(4);
  const n = Number(blob.readBigUInt64LE(8));
  const fieldBytes = withFields ? Number(blob.readBigUInt64LE(16)) : 0;
  if (blob.byteLength !== headerBytes + n * (8 + codeSize) + fieldBytes) {
    throw new Error(
      `${where} is truncated: ${blob.byteLength} bytes for ${n} vectors of ${codeSize}-byte codes` +
        (withFields ? ` and ${fieldBytes} bytes of fields` : ''),
    );
  }
  const codesEnd = headerBytes + n * (8 + codeSize);
  return {
    ids: blob.subarray(headerBytes, headerBytes + n * 8),
    codes: blob.subarray(headerBytes + n * 8, codesEnd),
    ...(withFields ? { fields: blob.subarray(codesEnd) } : {}),
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
