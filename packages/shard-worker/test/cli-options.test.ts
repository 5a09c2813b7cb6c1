import { describe, expect, it } from 'vitest';
import { workerOptionsFromArgs } from '../src/cli-options.js';

describe('shard worker flags', () => {
  it('serves metrics on port 9464 unless given another port (0 = any free one) or off', () => {
    expect(workerOptionsFromArgs([], {}).metricsPort).toBe(9464);
    expect(
      workerOptionsFromArgs(['--metrics-port', '0'], { VECSHARD_METRICS_PORT: '9000' }).metricsPort,
    ).toBe(0);
    expect(workerOptionsFromArgs([], { VECSHARD_METRICS_PORT: 'off' }).metricsPort).toBeUndefined();
    expect(() => workerOptionsFromArgs(['--metrics-port', '65536'], {})).toThrow(/--metrics-port/);
  });

  it('takes VECSHARD_WORKER_PORT only when neither --port nor VECSHARD_PORT gives the port', () => {
    expect(workerOptionsFromArgs([], {}).port).toBe(0);
    expect(workerOptionsFromArgs([], { VECSHARD_WORKER_PORT: '50061' }).port).toBe(50061);
    expect(workerOptionsFromArgs([], { VECSHARD_WORKER_PORT: '50061', VECSHARD_PORT: '7000' }).port).toBe(
      7000,
    );
    expect(workerOptionsFromArgs(['--port', '0'], { VECSHARD_WORKER_PORT: '50061' }).port).toBe(0);
    expect(() => workerOptionsFromArgs([], { VECSHARD_WORKER_PORT: 'x' })).toThrow(/--port/);
  });
});
