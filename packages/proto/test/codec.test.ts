import { describe, expect, it } from 'vitest';
import { decodeFloats, decodeIds, encodeArray, firstNonFinite, WireFormatError } from '../src/codec.js';

describe('wire codec', () => {
  it('views aligned bytes without copying', () => {
    const floats = Float32Array.of(1.5, -2, 3);
    const bytes = encodeArray(floats);
    const decoded = decodeFloats(bytes);
    expect([...decoded]).toEqual([1.5, -2, 3]);
    expect(decoded.buffer).toBe(floats.buffer);
  });

  it('copies misaligned bytes and still decodes them', () => {
    const ids = BigInt64Array.of(1n, -1n, 2n ** 40n);
    const shifted = Buffer.alloc(ids.byteLength + 1);
    encodeArray(ids).copy(shifted, 1);
    const decoded = decodeIds(shifted.subarray(1));
    expect([...decoded]).toEqual([1n, -1n, 2n ** 40n]);
    expect(decoded.byteOffset % 8).toBe(0);
  });

  it('refuses bytes that are not whole elements', () => {
    expect(() => decodeFloats(Buffer.alloc(6), 'queries')).toThrow(WireFormatError);
    expect(() => decodeIds(Buffer.alloc(12))).toThrow(/12 bytes, not a multiple of 8/);
  });

  it('finds non-finite values', () => {
    expect(firstNonFinite(Float32Array.of(1, 2))).toBe(-1);
    expect(firstNonFinite(Float32Array.of(1, Number.NaN))).toBe(1);
    expect(firstNonFinite(Float32Array.of(Number.NEGATIVE_INFINITY))).toBe(0);
  });
});
