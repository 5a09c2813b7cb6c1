import { describe, expect, it } from 'vitest';
import { coordinatorOptionsFromArgs } from '../src/cli-options.js';

describe('coordinator security flags', () => {
  it('is open, plaintext and limited to 1000 concurrent calls by default', () => {
    expect(coordinatorOptionsFromArgs([], {})).toMatchObject({
      apiKeysFile: undefined,
      tlsCertFile: undefined,
      tlsCaFile: undefined,
      healthPort: undefined,
      maxConcurrentRequests: 1000,
    });
  });

  it('reads key, certificate and limit flags, falling back to VECSHARD_* variables', () => {
    const env = {
      VECSHARD_API_KEYS_FILE: '/k/api-keys.json',
      VECSHARD_TLS_CERT: '/t/tls.crt',
      VECSHARD_TLS_KEY: '/t/tls.key',
      VECSHARD_TLS_CA: '/t/ca.crt',
      VECSHARD_TLS_CLIENT_CERT: '/t/client.crt',
      VECSHARD_TLS_CLIENT_KEY: '/t/client.key',
      VECSHARD_HEALTH_PORT: '8081',
      VECSHARD_MAX_CONCURRENT_REQUESTS: '64',
    };
    expect(
      coordinatorOptionsFromArgs(['--tls-cert', '/flag.crt', '--max-concurrent-requests', '8'], env),
    ).toEqual(
      expect.objectContaining({
        apiKeysFile: '/k/api-keys.json',
        tlsCertFile: '/flag.crt',
        tlsKeyFile: '/t/tls.key',
        tlsCaFile: '/t/ca.crt',
        tlsClientCertFile: '/t/client.crt',
        tlsClientKeyFile: '/t/client.key',
        healthPort: 8081,
        maxConcurrentRequests: 8,
      }),
    );
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => coordinatorOptionsFromArgs(['--max-concurrent-requests', '0'], {})).toThrow(
      /--max-concurrent-requests/,
    );
    expect(() => coordinatorOptionsFromArgs(['--max-concurrent-requests', '1.5'], {})).toThrow(
      /--max-concurrent-requests/,
    );
  });
});
