import { describe, expect, it } from 'vitest';
import { workerOptionsFromArgs } from '../src/cli-options.js';
import { DeviceError, parseDevice } from '../src/device.js';

describe('parseDevice', () => {
  it('accepts cpu and cuda:N on a GPU build', () => {
    expect(parseDevice('cpu', false)).toEqual({ name: 'cpu' });
    expect(parseDevice('cuda:1', true)).toEqual({ name: 'cuda:1', cudaIndex: 1 });
  });
  it('refuses cuda on a CPU-only build with a clear message', () => {
    expect(() => parseDevice('cuda:0', false)).toThrow(/built for CPU only/);
  });
  it('refuses unknown devices', () => {
    expect(() => parseDevice('tpu', true)).toThrow(DeviceError);
  });
});

describe('worker flags', () => {
  it('prefers flags, falls back to VECSHARD_* variables', () => {
    const env = { VECSHARD_PORT: '50061', VECSHARD_WORKER_ID: 'env-id', VECSHARD_FAISS_THREADS: '2' };
    expect(workerOptionsFromArgs(['--id', 'flag-id'], env)).toMatchObject({
      port: 50061,
      id: 'flag-id',
      threads: 2,
    });
    expect(workerOptionsFromArgs([], {})).toMatchObject({ port: 0, device: 'cpu', threads: undefined });
  });
  it('refuses a bad port', () => {
    expect(() => workerOptionsFromArgs(['--port', 'x'], {})).toThrow(/--port/);
  });
});
