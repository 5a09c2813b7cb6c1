import { describe, expect, it } from 'vitest';
import { defaultAdvertiseAddress } from '../src/advertise-address.js';

describe('default advertised address', () => {
  it('is the listening interface when that is one interface', () => {
    expect(defaultAdvertiseAddress('127.0.0.1', 50061, 'worker-1')).toBe('127.0.0.1:50061');
    expect(defaultAdvertiseAddress('10.1.2.3', 7000, 'worker-1')).toBe('10.1.2.3:7000');
  });

  it("is this machine's hostname when the worker listens on every interface", () => {
    expect(defaultAdvertiseAddress('0.0.0.0', 50061, 'worker-1')).toBe('worker-1:50061');
    expect(defaultAdvertiseAddress('::', 50061, 'worker-2')).toBe('worker-2:50061');
    expect(defaultAdvertiseAddress('[::]', 50061, 'worker-3')).toBe('worker-3:50061');
  });
});
