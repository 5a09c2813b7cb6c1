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

  it("carries the rows' fields after the codes, in a second format", () => {
    const fields = Uint8Array.from([9, 8, 7, 6, 5]);
    const blob = encodeListBlob({ ids, codes, fields });
    expect(blob.toString('latin1', 0, 4)).toBe('VSL2');
    expect(blob.byteLength).toBe(24 + ids.byteLength + codes.byteLength + fields.byteLength);
    const back = decodeListBlob(blob, 'blob');
    expect([...back.ids]).toEqual([...ids]);
    expect([...back.codes]).toEqual([...codes]);
    expect([...back.fields!]).toEqual([...fields]);
    expect(listBlobDigest({ ids, codes, fields })).toEqual({ sha256: sha256(blob), bytes: blob.byteLength });
    // Other fields, another hash; no fields (or empty ones) is the first format.
    expect(listBlobDigest({ ids, codes, fields: fields.map((f) => f + 1) }).sha256).not.toBe(sha256(blob));
    expect(encodeListBlob({ ids, codes, fields: new Uint8Array(0) })).toEqual(encodeListBlob({ ids, codes }));
    expect(decodeListBlob(encodeListBlob({ ids, codes }), 'old').fields).toBeUndefined();
    expect(() => decodeListBlob(blob.subarray(0, blob.length - 1), 'z')).toThrow(
      /z is truncated: .* and 5 bytes of fields/,
    );
  });
});
