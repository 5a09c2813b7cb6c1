import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { VecshardClient, VecshardError } from '@vecshard/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { healthCheck } from '../helpers/health.js';
import { reflectedServices } from '../helpers/reflection.js';
import { waitForOutput } from '../helpers/wait-for-output.js';

// A coordinator started with --api-keys: every access case against the role table.
const DIM = 8;
const data = clusteredVectors(500, DIM, 41);
const KEYS = {
  read: 'read-key-0123456789abcdef',
  write: 'write-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef',
  /** Held in the file only as its sha256. */
  hashed: 'hashed-admin-key-0123456789',
};

let cluster: TestCluster;
let keyFile: string;
const clients: VecshardClient[] = [];

function clientWith(apiKey?: string, env: NodeJS.ProcessEnv = {}): VecshardClient {
  const client = new VecshardClient(cluster.coordinator.address, { apiKey, env, retries: 0 });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-keys-'));
  keyFile = join(dir, 'api-keys.json');
  writeFileSync(
    keyFile,
    JSON.stringify([
      { name: 'reader', key: KEYS.read, role: 'read' },
      { name: 'writer', key: KEYS.write, role: 'write' },
      { name: 'operator', key: KEYS.admin, role: 'admin' },
      { name: 'hashed', sha256: createHash('sha256').update(KEYS.hashed).digest('hex'), role: 'admin' },
    ]),
  );
  // Debug logging: refusals are logged, so the test can check no key is.
  cluster = await startCluster({
    workers: 1,
    coordinatorArgs: ['--api-keys', keyFile, '--log-level', 'debug', '--tls-poll-ms', '100'],
  });
  const admin = clientWith(KEYS.admin);
  await admin.createCollection({ name: 'docs', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
  await admin.train('docs', data);
  await admin.upsert('docs', sequentialIds(500), data);
});
afterAll(async () => {
  for (const client of clients) client.close();
  await cluster?.stop();
});

/** The status name a call ends with: "OK" or the gRPC status of its error. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    expect(error).toBeInstanceOf(VecshardError);
    return (error as VecshardError).codeName;
  }
}

/** One call of each class in the role table. */
const CALLS = {
  read: (client: VecshardClient) => client.search('docs', data.subarray(0, DIM), { k: 3 }),
  write: (client: VecshardClient) =>
    client.upsert('docs', BigInt64Array.of(7n), data.subarray(7 * DIM, 8 * DIM)),
  admin: (client: VecshardClient) =>
    client.createCollection({
      name: `made-${Math.random().toString(36).slice(2)}`,
      dim: 4,
      metric: 'l2',
      index: 'IVF4,Flat',
    }),
};

describe('API keys', () => {
  it('refuses a call without a key, with UNAUTHENTICATED naming what to send', async () => {
    const error = await clientWith()
      .listCollections()
      .catch((e: VecshardError) => e);
    expect(error).toBeInstanceOf(VecshardError);
    expect((error as VecshardError).codeName).toBe('UNAUTHENTICATED');
    expect((error as VecshardError).message).toMatch(/authorization: Bearer/);
  });

  it('refuses a wrong key and a malformed header with UNAUTHENTICATED', async () => {
    expect(await outcome(clientWith('not-a-key-at-all-0000').listCollections())).toBe('UNAUTHENTICATED');
    const metadata = new grpc.Metadata();
    metadata.set('authorization', KEYS.admin); // no "Bearer " in front
    const raw = clientWith().raw;
    const code = await new Promise<number>((resolve) =>
      raw.ListCollections({}, metadata, (error) => resolve(error?.code ?? grpc.status.OK)),
    );
    expect(grpc.status[code]).toBe('UNAUTHENTICATED');
  });

  const expected: Record<string, Record<keyof typeof CALLS, string>> = {
    read: { read: 'OK', write: 'PERMISSION_DENIED', admin: 'PERMISSION_DENIED' },
    write: { read: 'OK', write: 'OK', admin: 'PERMISSION_DENIED' },
    admin: { read: 'OK', write: 'OK', admin: 'OK' },
  };
  for (const role of ['read', 'write', 'admin'] as const) {
    it(`a ${role} key gets ${JSON.stringify(expected[role])}`, async () => {
      const client = clientWith(KEYS[role]);
      const seen = {
        read: await outcome(CALLS.read(client)),
        write: await outcome(CALLS.write(client)),
        admin: await outcome(CALLS.admin(client)),
      };
      expect(seen).toEqual(expected[role]);
    });
  }

  it('answers any other authorization header with UNAUTHENTICATED', async () => {
    const raw = clientWith().raw;
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    });
    const header = fc.oneof(
      printable,
      printable.map((key) => `Bearer ${key}`),
      fc.constant('Bearer '),
    );
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        const metadata = new grpc.Metadata();
        metadata.set('authorization', value);
        const code = await new Promise<number>((resolve) =>
          raw.ListCollections({}, metadata, (error) => resolve(error?.code ?? grpc.status.OK)),
        );
        expect(grpc.status[code]).toBe('UNAUTHENTICATED');
      }),
      { numRuns: 60 },
    );
  });

  it('says which role a refused call needs', async () => {
    const error = await clientWith(KEYS.read)
      .dropCollection('docs')
      .catch((e: VecshardError) => e);
    expect((error as VecshardError).codeName).toBe('PERMISSION_DENIED');
    expect((error as VecshardError).message).toMatch(/"reader" has role read; DropCollection needs admin/);
  });

  it('accepts a key the file holds only as its sha256', async () => {
    expect(await outcome(CALLS.admin(clientWith(KEYS.hashed)))).toBe('OK');
  });

  it('takes the key from VECSHARD_API_KEY', async () => {
    expect(await outcome(clientWith(undefined, { VECSHARD_API_KEY: KEYS.write }).listCollections())).toBe(
      'OK',
    );
  });

  it('answers health checks without a key', async () => {
    expect(await healthCheck(cluster.coordinator.address)).toBe('SERVING');
    expect(await healthCheck(cluster.coordinator.address, 'vecshard.v1.Vecshard')).toBe('SERVING');
  });

  it('answers reflection only with a key', async () => {
    const refused = await reflectedServices(cluster.coordinator.address).catch((e: grpc.ServiceError) => e);
    expect((refused as grpc.ServiceError).code).toBe(grpc.status.UNAUTHENTICATED);
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${KEYS.read}`);
    expect(await reflectedServices(cluster.coordinator.address, { metadata })).toContain(
      'vecshard.v1.Vecshard',
    );
  });

  it('never writes a key to its log', async () => {
    const log = cluster.coordinator.process.output();
    // The log is not empty (refusals are logged at debug), and holds no key.
    expect(log).toMatch(/call refused/);
    for (const key of [...Object.values(KEYS), 'not-a-key-at-all-0000']) expect(log).not.toContain(key);
  });

  it('takes a changed key file into use without a restart: new keys work, removed ones stop', async () => {
    const coordinator = cluster.coordinator.process;
    const from = coordinator.output().length;
    const added = 'added-later-key-0123456789';
    writeFileSync(
      `${keyFile}.new`,
      JSON.stringify([
        { name: 'operator', key: KEYS.admin, role: 'admin' },
        { name: 'newcomer', key: added, role: 'read' },
      ]),
    );
    renameSync(`${keyFile}.new`, keyFile);
    await waitForOutput(coordinator, /API keys reloaded/, from);
    expect(await outcome(clientWith(added).listCollections())).toBe('OK');
    expect(await outcome(clientWith(KEYS.read).listCollections())).toBe('UNAUTHENTICATED');
    expect(await outcome(clientWith(KEYS.admin).listCollections())).toBe('OK');
  });
});
