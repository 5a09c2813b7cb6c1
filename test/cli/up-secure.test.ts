import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient, VecshardError } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { REPO_ROOT, type StartedProcess, startProcess } from '../helpers/processes.js';

// `vecshard up --secure` from the outside: the files it leaves, what it
// prints, and a cluster that speaks only TLS and only to keys.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
const DIM = 8;
const data = clusteredVectors(300, DIM, 61);

let up: StartedProcess;
let address: string;
let secretsDir: string;
let keys: { name: string; key: string; role: string }[];
const clients: VecshardClient[] = [];

function client(options: ConstructorParameters<typeof VecshardClient>[1]): VecshardClient {
  const made = new VecshardClient(address, { retries: 0, deadlineMs: 20_000, env: {}, ...options });
  clients.push(made);
  return made;
}
const keyOf = (role: string) => keys.find((entry) => entry.role === role)?.key ?? '';
const ca = () => readFileSync(join(secretsDir, 'ca.crt'));

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-up-secure-'));
  secretsDir = join(dataDir, 'secrets');
  up = await startProcess(
    'node',
    [CLI, 'up', '--secure', '--workers', '2', '--port', '0', '--data-dir', dataDir],
    /vecshard ready at (\S+)/,
    { timeoutMs: 120_000 },
  );
  address = up.ready;
  keys = JSON.parse(readFileSync(join(secretsDir, 'api-keys.json'), 'utf8'));
});
afterAll(async () => {
  for (const made of clients) made.close();
  const code = await up?.stop('SIGTERM');
  expect(code).toBe(0);
});

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    expect(error).toBeInstanceOf(VecshardError);
    return (error as VecshardError).codeName;
  }
}

describe('vecshard up --secure', () => {
  it('leaves a CA and one key per role under <data-dir>/secrets, keys readable by the owner only', () => {
    expect(ca().toString()).toMatch(/-----BEGIN CERTIFICATE-----/);
    expect(keys.map((entry) => entry.role).sort()).toEqual(['admin', 'read', 'write']);
    for (const entry of keys) expect(entry.key.length).toBeGreaterThanOrEqual(32);
    expect(new Set(keys.map((entry) => entry.key)).size).toBe(3);
    expect(statSync(join(secretsDir, 'api-keys.json')).mode & 0o077).toBe(0);
    expect(statSync(join(secretsDir, 'ca.key')).mode & 0o077).toBe(0);
  });

  it('prints how to connect, without printing a key', () => {
    const output = up.output();
    expect(output).toContain(`VECSHARD_TLS_CA=${join(secretsDir, 'ca.crt')}`);
    expect(output).toContain('api-keys.json');
    for (const entry of keys) expect(output).not.toContain(entry.key);
  });

  it('serves a client with the CA and a key, through workers over mutual TLS', async () => {
    const admin = client({ tls: { ca: ca() }, apiKey: keyOf('admin') });
    await admin.createCollection({ name: 'secure', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
    await admin.train('secure', data);
    const writer = client({ tls: { ca: ca() }, apiKey: keyOf('write') });
    await writer.upsert('secure', sequentialIds(300), data);
    const reader = client({
      env: { VECSHARD_TLS_CA: join(secretsDir, 'ca.crt'), VECSHARD_API_KEY: keyOf('read') },
    });
    const found = await reader.search('secure', data.subarray(9 * DIM, 10 * DIM), { k: 1 });
    expect(found.ids[0]).toBe(9n);
    expect(await codeOf(reader.dropCollection('secure'))).toBe('PERMISSION_DENIED');
  });

  it('refuses plaintext and calls without a key', async () => {
    expect(await codeOf(client({ apiKey: keyOf('admin') }).listCollections())).toBe('UNAVAILABLE');
    expect(await codeOf(client({ tls: { ca: ca() } }).listCollections())).toBe('UNAUTHENTICATED');
  });

  it('lets the CLI in with VECSHARD_TLS_CA and VECSHARD_API_KEY, and not without', async () => {
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'snapshots', 'secure', '--address', address], {
          env: { PATH: process.env.PATH, ...env },
        });
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
        });
        child.stderr.on('data', (chunk) => {
          output += chunk;
        });
        child.on('exit', (code) => resolve({ code, output }));
      });
    const tlsCa = join(secretsDir, 'ca.crt');
    const allowed = await run({ VECSHARD_TLS_CA: tlsCa, VECSHARD_API_KEY: keyOf('read') });
    expect(allowed).toMatchObject({ code: 0 });
    const refused = await run({ VECSHARD_TLS_CA: tlsCa });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/UNAUTHENTICATED/);
  });
});
