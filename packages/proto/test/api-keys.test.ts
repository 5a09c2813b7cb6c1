import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseApiKeys } from '../src/auth/api-key-file.js';
import { requiredRole, roleAllows } from '../src/auth/roles.js';

const KEY = 'a-long-enough-secret-key';

describe('API key file', () => {
  it('identifies keys given as text or as sha256, and nothing else', () => {
    const ring = parseApiKeys([
      { name: 'plain', key: KEY, role: 'write' },
      {
        name: 'hashed',
        sha256: createHash('sha256').update('another-secret-key-0').digest('hex'),
        role: 'read',
      },
    ]);
    expect(ring.identify(KEY)).toEqual({ name: 'plain', role: 'write' });
    expect(ring.identify('another-secret-key-0')).toEqual({ name: 'hashed', role: 'read' });
    expect(ring.identify(`${KEY}x`)).toBeUndefined();
    expect(ring.identify('')).toBeUndefined();
  });

  it.each([
    [{}, /non-empty JSON array/],
    [[], /non-empty JSON array/],
    [[{ key: KEY, role: 'read' }], /entry 0: "name"/],
    [[{ name: 'a', key: KEY, role: 'root' }], /"role" must be one of read, write, admin/],
    [[{ name: 'a', role: 'read' }], /either "key" or "sha256"/],
    [[{ name: 'a', key: KEY, sha256: 'ab', role: 'read' }], /either "key" or "sha256"/],
    [[{ name: 'a', key: 'short', role: 'read' }], /at least 16 characters/],
    [[{ name: 'a', sha256: 'xyz', role: 'read' }], /64 hex digits/],
    [
      [
        { name: 'a', key: KEY, role: 'read' },
        { name: 'a', key: `${KEY}2`, role: 'read' },
      ],
      /"a" is used twice/,
    ],
  ])('refuses %j with a message that shows no key', (content, message) => {
    let thrown: Error | undefined;
    try {
      parseApiKeys(content);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(message);
    expect(thrown?.message).not.toContain(KEY);
  });
});

describe('roles', () => {
  it('classifies every call as the role table says', () => {
    const table: Record<string, string> = {
      Search: 'read',
      GetCollection: 'read',
      ListCollections: 'read',
      ClusterStatus: 'read',
      GetJob: 'read',
      WatchJob: 'read',
      ListSnapshots: 'read',
      GetRoutingTable: 'read',
      Upsert: 'write',
      Delete: 'write',
      Import: 'write',
      CreateCollection: 'admin',
      DropCollection: 'admin',
      Train: 'admin',
      TrainFromFile: 'admin',
      Snapshot: 'admin',
      Restore: 'admin',
      SomethingNew: 'admin',
    };
    for (const [method, role] of Object.entries(table))
      expect([method, requiredRole(`/vecshard.v1.Vecshard/${method}`)]).toEqual([method, role]);
    expect(requiredRole('/grpc.health.v1.Health/Check')).toBe('none');
    expect(requiredRole('/grpc.health.v1.Health/Watch')).toBe('none');
    expect(requiredRole('/grpc.reflection.v1.ServerReflection/ServerReflectionInfo')).toBe('read');
    expect(requiredRole('/other.Service/Method')).toBe('admin');
    // A worker's one-hop search only reads; its internal service is not for keys at all.
    expect(requiredRole('/vecshard.v1.ShardSearch/SearchLists')).toBe('read');
    expect(requiredRole('/vecshard.worker.v1.ShardWorker/SearchPreassigned')).toBe('admin');
  });

  it('lets each role do what the roles below it do', () => {
    expect(roleAllows('admin', 'write')).toBe(true);
    expect(roleAllows('write', 'read')).toBe(true);
    expect(roleAllows('read', 'write')).toBe(false);
    expect(roleAllows('write', 'admin')).toBe(false);
  });
});
