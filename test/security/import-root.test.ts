import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient, type VecshardError } from '@vecshard/client';
import { writeFvecs } from '@vecshard/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CoordinatorProcess,
  startCluster,
  startCoordinatorProcess,
  type TestCluster,
} from '../helpers/cluster.js';
import { clusteredVectors } from '../helpers/data.js';

// Import paths name files on the coordinator, and a write key is enough to
// ask for one: the coordinator reads only files under --import-root, judged
// after resolving ".." and symbolic links, refused at the RPC (before any job
// is queued) and again in the job (a link may change in between).
//
// The coordinator the clients call runs no jobs, so what the RPC refuses is
// told apart from what a job would; a second one, started once the link has
// been swapped, runs the queued jobs.
const DIM = 8;
const N = 300;
const KEYS = { write: 'write-key-0123456789abcdef', admin: 'admin-key-0123456789abcdef' };

const top = realpathSync(mkdtempSync(join(tmpdir(), 'vecshard-import-root-')));
const root = join(top, 'imports');
const outside = join(top, 'outside');
const base = join(root, 'base.fvecs');
const swapped = join(root, 'swapped.fvecs');

let cluster: TestCluster;
const clients: VecshardClient[] = [];
const coordinators: CoordinatorProcess[] = [];

function client(apiKey: string, address = cluster.coordinator.address): VecshardClient {
  const made = new VecshardClient(address, { apiKey, retries: 0 });
  clients.push(made);
  return made;
}

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(outside);
  writeFvecs(base, clusteredVectors(N, DIM, 1), DIM);
  writeFvecs(swapped, clusteredVectors(N, DIM, 2), DIM);
  writeFvecs(join(outside, 'secret.fvecs'), clusteredVectors(50, DIM, 3), DIM);
  writeFileSync(join(outside, 'fields.jsonl'), '{}\n');
  symlinkSync(join(outside, 'secret.fvecs'), join(root, 'escape.fvecs'));
  symlinkSync(outside, join(root, 'out-dir'));
  const keyFile = join(top, 'api-keys.json');
  writeFileSync(
    keyFile,
    JSON.stringify([
      { name: 'writer', key: KEYS.write, role: 'write' },
      { name: 'operator', key: KEYS.admin, role: 'admin' },
    ]),
  );
  cluster = await startCluster({
    workers: 1,
    coordinatorArgs: ['--api-keys', keyFile, '--import-root', root, '--no-jobs'],
  });
  const admin = client(KEYS.admin);
  await admin.createCollection({ name: 'docs', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
  await admin.train('docs', clusteredVectors(200, DIM, 4));
});
afterAll(async () => {
  for (const made of clients) made.close();
  for (const coordinator of coordinators) await coordinator.process.stop('SIGKILL');
  await cluster?.stop();
  rmSync(top, { recursive: true, force: true });
});

async function refused(call: Promise<unknown>): Promise<VecshardError> {
  const error = (await call.then(
    () => undefined,
    (e) => e,
  )) as VecshardError | undefined;
  expect(error, 'the call should have been refused').toBeDefined();
  return error!;
}

describe('import paths', { timeout: 120_000 }, () => {
  it('refuses at the RPC a path leading out of the import root, by ".." or a link, with PERMISSION_DENIED', async () => {
    const writer = client(KEYS.write);
    for (const path of [
      join(root, '..', 'outside', 'secret.fvecs'),
      join(root, 'escape.fvecs'),
      join(root, 'out-dir', 'secret.fvecs'),
      '/etc/passwd',
    ]) {
      const error = await refused(writer.import({ collection: 'docs', path }));
      expect(error.codeName).toBe('PERMISSION_DENIED');
      expect(error.message).toContain(`"${path}" is outside the import root (${root})`);
      expect(error.message).toContain('--import-root');
    }
    const fields = await refused(
      writer.import({
        collection: 'docs',
        path: base,
        fieldsPath: join(root, '..', 'outside', 'fields.jsonl'),
      }),
    );
    expect(fields.codeName).toBe('PERMISSION_DENIED');
    const admin = client(KEYS.admin);
    await admin.createCollection({ name: 'untrained', dim: DIM, metric: 'l2', index: 'IVF4,Flat' });
    const train = await refused(
      admin.trainFromFile({ collection: 'untrained', path: join(root, 'escape.fvecs') }),
    );
    expect(train.codeName).toBe('PERMISSION_DENIED');
  });

  it('imports a file under the root, and checks again in the job: a link swapped meanwhile fails it', async () => {
    const writer = client(KEYS.write);
    const good = await writer.import({ collection: 'docs', path: base });
    // Nothing refused above was queued: this is the cluster's first job.
    expect(good.id).toBe('1');
    const later = await writer.import({ collection: 'docs', path: swapped, firstId: 10_000 });
    // Accepted while a plain file; by the time a job runs it leads out of the root.
    unlinkSync(swapped);
    symlinkSync(join(outside, 'secret.fvecs'), swapped);

    const runner = await startCoordinatorProcess(cluster.redis.url, [
      '--api-keys',
      join(top, 'api-keys.json'),
      '--import-root',
      root,
    ]);
    coordinators.push(runner);
    const watcher = client(KEYS.write, runner.address);
    expect((await watcher.waitForJob(good.id, { timeoutMs: 60_000 })).result).toMatchObject({ vectors: N });
    const failure = await refused(watcher.waitForJob(later.id, { timeoutMs: 60_000 }));
    expect(failure.message).toContain(`"${swapped}" is outside the import root (${root})`);
    const failed = await watcher.getJob(later.id);
    expect(failed.state).toBe('failed');
    // Not worth retrying: the same path is refused the same way.
    expect(failed.attempts).toBe(1);
    expect((await client(KEYS.admin).getCollection('docs')).vectors).toBe(N);
  });

  it('by default reads only under the data dir, and says which option widens it', async () => {
    const plain = await startCoordinatorProcess(cluster.redis.url, [
      '--api-keys',
      join(top, 'api-keys.json'),
      '--no-jobs',
      '--data-dir',
      join(top, 'data'),
    ]);
    coordinators.push(plain);
    const error = await refused(client(KEYS.write, plain.address).import({ collection: 'docs', path: base }));
    expect(error.codeName).toBe('PERMISSION_DENIED');
    expect(error.message).toContain(`"${base}" is outside the import root (${join(top, 'data')})`);
    expect(error.message).toMatch(/--import-root \(by default its --data-dir\)/);
  });
});
