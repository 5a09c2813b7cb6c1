import { describe, expect, it } from 'vitest';
import { coordinatorOptionsFromArgs } from '../src/cli-options.js';

describe('coordinator flags', () => {
  it('defaults to port 50051 on loopback with a 256 MiB message limit', () => {
    expect(coordinatorOptionsFromArgs([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 50051,
      redisUrl: 'redis://127.0.0.1:6379',
      maxMessageBytes: 256 * 1024 * 1024,
    });
  });
  it('prefers flags, falls back to VECSHARD_* variables', () => {
    const env = {
      VECSHARD_PORT: '6000',
      VECSHARD_REDIS_URL: 'redis://r:1',
      VECSHARD_DATA_DIR: '/d',
      VECSHARD_HOST: '0.0.0.0',
    };
    expect(coordinatorOptionsFromArgs(['--port', '0', '--max-message-mb', '1'], env)).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      redisUrl: 'redis://r:1',
      dataDir: '/d',
      maxMessageBytes: 1024 * 1024,
    });
  });
  it('serves metrics on port 9464 unless given another port (0 = any free one) or off', () => {
    expect(coordinatorOptionsFromArgs([], {}).metricsPort).toBe(9464);
    expect(coordinatorOptionsFromArgs([], { VECSHARD_METRICS_PORT: '0' }).metricsPort).toBe(0);
    expect(coordinatorOptionsFromArgs(['--metrics-port', 'off'], {}).metricsPort).toBeUndefined();
    expect(coordinatorOptionsFromArgs(['--metrics-port=-1'], {}).metricsPort).toBeUndefined();
    expect(() => coordinatorOptionsFromArgs(['--metrics-port', 'x'], {})).toThrow(/--metrics-port/);
  });
  it('serves no console unless given a port (any = a free one; 0 or off = none)', () => {
    expect(coordinatorOptionsFromArgs([], {}).consolePort).toBeUndefined();
    expect(coordinatorOptionsFromArgs([], { VECSHARD_CONSOLE_PORT: '0' }).consolePort).toBeUndefined();
    expect(coordinatorOptionsFromArgs([], { VECSHARD_CONSOLE_PORT: '8080' }).consolePort).toBe(8080);
    expect(coordinatorOptionsFromArgs(['--console-port', 'any'], {}).consolePort).toBe(0);
    expect(
      coordinatorOptionsFromArgs(['--console-port', 'off'], { VECSHARD_CONSOLE_PORT: '1' }).consolePort,
    ).toBeUndefined();
    expect(() => coordinatorOptionsFromArgs(['--console-port', 'x'], {})).toThrow(/--console-port/);
  });
  it('takes import roots from repeated --import-root, else from VECSHARD_IMPORT_ROOT split on ":"', () => {
    expect(coordinatorOptionsFromArgs([], {}).importRoots).toBeUndefined();
    expect(coordinatorOptionsFromArgs([], { VECSHARD_IMPORT_ROOT: '' }).importRoots).toBeUndefined();
    expect(coordinatorOptionsFromArgs([], { VECSHARD_IMPORT_ROOT: '/a:/b' }).importRoots).toEqual([
      '/a',
      '/b',
    ]);
    const flags = ['--import-root', '/x', '--import-root', '/y'];
    expect(coordinatorOptionsFromArgs(flags, { VECSHARD_IMPORT_ROOT: '/a' }).importRoots).toEqual([
      '/x',
      '/y',
    ]);
  });
  it('refuses nonsense', () => {
    expect(() => coordinatorOptionsFromArgs(['--port', '-1'], {})).toThrow(/--port/);
    expect(() => coordinatorOptionsFromArgs(['--bogus'], {})).toThrow();
  });
});
