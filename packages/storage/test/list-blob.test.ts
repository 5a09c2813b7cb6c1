import { describe, expect, it } from 'vitest';
import { decodeListBlob, encodeListBlob, listBlobDigest, sha256 } from '../src/list-blob.js';

const ids = new Uint8Array(new BigInt64Array([5n, -1n, 1n << 40n]).buffer);
const codes = Uint8Array.from({ length: 3 * 12 }, (_, i) => i);

describe('list blobs', () => {
  it('round-trips ids and codes', () => {
    const blob = encodeListBlob({ ids, codes });
    expect(blob.byteLength).toBe(16 + ids.byteLength + codes.byteLength);
    const back = decodeListBlob(blob, 'blob');
    expect([...back.ids]).toEqual([...ids]);
    expect([...back.codes]).toEqual([...codes]);
  });

  it('gives the same digest without building the blob', () => {
    const blob = encodeListBlob({ ids, codes });
    expect(listBlobDigest({ ids, codes })).toEqual({ sha256: sha256(blob), bytes: blob.byteLength });
    // Another list has another hash.
    expect(listBlobDigest({ ids, codes: codes.map((c) => c + 1) }).sha256).not.toBe(sha256(blob));
  });

  it('refuses what is not a list blob, or only part of one', () => {
    expect(() => decodeListBlob(Buffer.from('not a blob at all'), 'x')).toThrow(
      /x is not a vecshard list blob/,
    );
    const blob = encodeListBlob({ ids, codes });
    expect(() => decodeListBlob(blob.subarray(0, blob.length - 1), 'y')).toThrow(/y is truncated/);
  });
});
