import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { REPO_ROOT, type StartedProcess, startProcess } from '../helpers/processes.js';

// `vecshard up` keeps the cluster in its data dir: Redis's append-only file
// (collections, placement, the write log, jobs) and the snapshot store. A
// second `up` on the same dir refills its empty workers and serves every
// collection again, exactly, with every acknowledged write, however the
// first one ended.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
const DIM = 16;
const NLIST = 16;
const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-restart-'));

let up: StartedProcess | undefined;
let client: VecshardClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  if (up) killGroup(up);
  up = undefined;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `vecshard up` on a data dir (the shared one by default), in a process group of its own. */
async function startUp(workers: number, extra: string[] = [], dir = dataDir): Promise<VecshardClient> {
  up = await startProcess(
    process.execPath,
    [CLI, 'up', '--workers', String(workers), '--data-dir', dir, '--port', '0', ...extra],
    /vecshard ready at (\S+)/,
    { detached: true, timeoutMs: 60_000 },
  );
  client = new VecshardClient(up.ready, { deadlineMs: 30_000 });
  return client;
}

/** `kill -9` of `vecshard up` and every process it started (redis-server, coordinator, workers). */
function killGroup(started: StartedProcess): void {
  started.kill('SIGKILL', { group: true });
}

/** Waits for every collection to be served: a loading one is followed through its refill job. */
async function waitUntilServed(c: VecshardClient): Promise<void> {
  for (const collection of await c.listCollections())
    await c.waitUntilLoaded(collection.name, { timeoutMs: 120_000 });
}

/** What the cluster must hold: id → vector, as acknowledged so far. */
const expected = new Map<bigint, Float32Array>();
let nextSeed = 1;

async function upsertBatch(c: VecshardClient, first: number, n: number): Promise<void> {
  const ids = sequentialIds(n, first);
  const vectors = clusteredVectors(n, DIM, nextSeed++);
  await c.upsert('keep', ids, vectors);
  for (const [i, id] of ids.entries()) expected.set(id, vectors.subarray(i * DIM, (i + 1) * DIM));
}

async function deleteIds(c: VecshardClient, ids: bigint[]): Promise<void> {
  await c.delete('keep', BigInt64Array.from(ids));
  for (const id of ids) expected.delete(id);
}

/** The cluster holds exactly the acknowledged vectors: the count, and top-k equal to one FAISS index. */
async function expectExact(c: VecshardClient): Promise<void> {
  const info = await c.getCollection('keep', { includeTemplate: true });
  expect(info.state).toBe('ready');
  expect(info.vectors).toBe(expected.size);
  const reference = await FaissIndex.deserialize(info.template!, 'l2');
  const ids = BigInt64Array.from(expected.keys());
  const vectors = new Float32Array(ids.length * DIM);
  for (const [i, id] of ids.entries()) vectors.set(expected.get(id)!, i * DIM);
  await reference.add(vectors, ids);
  const queries = clusteredVectors(50, DIM, 999);
  const want = await reference.search(queries, 10, { nprobe: NLIST });
  const got = await c.search('keep', queries, { k: 10, nprobe: NLIST });
  expect(compareTopK(want, got, 10)).toEqual([]);
}

describe('a local cluster stopped and started again', { timeout: 180_000 }, () => {
  it('first run: a collection trained, written, partly deleted, then Ctrl-C (SIGINT)', async () => {
    const c = await startUp(2);
    await c.createCollection({ name: 'keep', dim: DIM, metric: 'l2', index: `IVF${NLIST},Flat`, nprobe: 4 });
    await c.train('keep', clusteredVectors(2000, DIM, 7));
    for (let first = 0; first < 3000; first += 1000) await upsertBatch(c, first, 1000);
    await deleteIds(c, [0n, 1n, 2n, 2999n]);
    await expectExact(c);
    expect(await up!.stop('SIGINT')).toBe(0);
    up = undefined;
  });

  it('serves it again after SIGINT; a snapshot and more writes, then SIGTERM', async () => {
    const c = await startUp(2);
    await waitUntilServed(c);
    await expectExact(c);
    await upsertBatch(c, 3000, 500);
    await c.waitForJob((await c.snapshot('keep')).id, { timeoutMs: 60_000 });
    // Written after the snapshot: only the write log holds these.
    await upsertBatch(c, 3500, 500);
    await upsertBatch(c, 100, 50); // replaces ids 100..149
    await deleteIds(c, [3600n]);
    await expectExact(c);
    expect(await up!.stop('SIGTERM')).toBe(0);
    up = undefined;
  });

  it('serves it again after SIGTERM; more writes, then kill -9 of every process', async () => {
    const c = await startUp(2);
    await waitUntilServed(c);
    await expectExact(c);
    await upsertBatch(c, 4000, 300);
    await deleteIds(c, [4001n, 5n]);
    killGroup(up!);
    up = undefined;
  });

  it('serves it again after kill -9, with every acknowledged write', async () => {
    const c = await startUp(2);
    await waitUntilServed(c);
    await expectExact(c);
  });

  it('serves it with more workers than before', async () => {
    const c = await startUp(3);
    await waitUntilServed(c);
    await expectExact(c);
  });

  it('serves it with fewer workers: the missing worker’s shards are re-placed on the others', async () => {
    const c = await startUp(1, ['--replica-grace-s', '1']);
    // worker-1's shard moves to worker-0 once worker-1 has been gone for the grace.
    for (;;) {
      await waitUntilServed(c);
      const info = await c.getCollection('keep');
      if (info.state === 'ready' && info.placement.every((shard) => shard.workerId === 'worker-0')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await expectExact(c);
  });
});

/** Writes rows as an .fvecs file: per row, the dimension (int32 LE), then the floats. */
function writeFvecs(path: string, vectors: Float32Array, dim: number): void {
  const n = vectors.length / dim;
  const out = Buffer.alloc(n * (4 + 4 * dim));
  for (let row = 0; row < n; row++) {
    const at = row * (4 + 4 * dim);
    out.writeInt32LE(dim, at);
    Buffer.from(vectors.buffer, vectors.byteOffset + row * dim * 4, dim * 4).copy(out, at + 4);
  }
  writeFileSync(path, out);
}

describe('an import job when the whole cluster is killed', { timeout: 240_000 }, () => {
  it('resumes after the restart and adds nothing twice', async () => {
    const dir = join(dataDir, 'import-run');
    mkdirSync(dir);
    const n = 200_000;
    const vectors = clusteredVectors(n, DIM, 31);
    const file = join(dir, 'base.fvecs');
    writeFvecs(file, vectors, DIM);

    const c = await startUp(2, [], dir);
    await c.createCollection({ name: 'imported', dim: DIM, metric: 'l2', index: `IVF${NLIST},Flat` });
    await c.train('imported', vectors.subarray(0, 4000 * DIM));
    const job = await c.import({ collection: 'imported', path: file, batchSize: 250 });
    // Kill every process once some batches are in, and before the last.
    let seen = await c.getJob(job.id);
    while (seen.done === 0) seen = await c.getJob(job.id);
    killGroup(up!);
    up = undefined;
    expect(seen.done).toBeLessThan(n);

    const again = await startUp(2, [], dir);
    await waitUntilServed(again);
    const finished = await again.waitForJob(job.id, { timeoutMs: 180_000 });
    expect(finished.result).toMatchObject({ vectors: n });
    const info = await again.getCollection('imported', { includeTemplate: true });
    expect(info.vectors).toBe(n);
    const reference = await FaissIndex.deserialize(info.template!, 'l2');
    await reference.add(vectors, sequentialIds(n));
    const queries = clusteredVectors(50, DIM, 998);
    const want = await reference.search(queries, 10, { nprobe: NLIST });
    const got = await again.search('imported', queries, { k: 10, nprobe: NLIST });
    expect(compareTopK(want, got, 10)).toEqual([]);
  });
});
