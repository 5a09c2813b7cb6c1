import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchResult as ClusterSearchResult, VecshardClient } from '@vecshard/client';
import type { SearchResult } from '@vecshard/faiss';
import { type ObjectStore, openStore } from '@vecshard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { type S3Server, startS3rver } from '../helpers/s3rver.js';

// Snapshots go to an object store and come back on a different, empty
// cluster with the same answers; they are incremental per inverted list,
// checksummed, committed by their manifest, pruned by retention, and they
// refill a worker that restarted empty. Run against the local-folder store and
// against a real S3 endpoint.
const DIM = 32;
const N = 20_000;
const K = 10;
const NPROBE = 8;
const data = clusteredVectors(N, DIM, 11);
const queries = clusteredVectors(200, DIM, 12);
const ids = sequentialIds(N);
const NAME = 'snapshots';

/** The cluster's answers in the shape compareTopK expects of a reference. */
function asReference(result: ClusterSearchResult): SearchResult {
  return { labels: result.ids, distances: result.distances };
}

async function runJob(client: VecshardClient, started: Promise<{ id: string }>) {
  const job = await started;
  const progress: number[] = [];
  const done = await client.waitForJob(job.id, { onProgress: (update) => progress.push(update.progress) });
  return { job: done, progress };
}

/** Blob keys a store holds for the collection. */
async function blobKeys(store: ObjectStore): Promise<string[]> {
  return (await store.list(`collections/${NAME}/blobs/`)).map((object) => object.key);
}

let s3: S3Server;
let dataDir: string;
beforeAll(async () => {
  s3 = await startS3rver();
  dataDir = mkdtempSync(join(tmpdir(), 'vecshard-snapshots-'));
});
afterAll(async () => {
  await s3?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.each(['file', 's3'] as const)('snapshots in a %s store', (kind) => {
  let storeUrl: string;
  let env: Record<string, string>;
  let store: ObjectStore;
  let first: TestCluster | undefined;
  let second: TestCluster | undefined;
  let before: ClusterSearchResult;

  const clusterOf = (workers: number) =>
    startCluster({
      workers,
      coordinatorArgs: [
        '--store',
        storeUrl,
        '--snapshots-kept',
        '3',
        '--snapshot-grace-s',
        '0',
        '--job-lock-ms',
        '2000',
      ],
      coordinatorEnv: env,
    });

  beforeAll(() => {
    storeUrl = kind === 'file' ? `file://${join(dataDir, 'store')}` : s3.storeUrl('cluster-a');
    env = kind === 'file' ? {} : s3.env;
    store = openStore(storeUrl, { ...process.env, ...env });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('restores a collection on a new cluster with more workers, answering exactly as before', async () => {
    first = await clusterOf(2);
    const client = first.client;
    await client.createCollection({
      name: NAME,
      dim: DIM,
      metric: 'l2',
      index: 'IVF64,Flat',
      nprobe: NPROBE,
    });
    await client.train(NAME, data);
    await client.upsert(NAME, ids, data);
    before = await client.search(NAME, queries, { k: K });

    const { job, progress } = await runJob(client, client.snapshot(NAME));
    expect(job.result).toMatchObject({ vectors: N });
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const listed = await client.listSnapshots(NAME);
    expect(listed.map((snapshot) => snapshot.id)).toEqual([job.result.snapshotId]);
    await first.stop();
    first = undefined;

    second = await clusterOf(3);
    await expect(second.client.getCollection(NAME)).rejects.toMatchObject({ codeName: 'NOT_FOUND' });
    const restored = await runJob(second.client, second.client.restore(NAME));
    expect(restored.job.result).toMatchObject({ vectors: N, shards: 3 });
    const info = await second.client.getCollection(NAME);
    expect(info.vectors).toBe(N);
    expect(info.placement).toHaveLength(3);
    const after = await second.client.search(NAME, queries, { k: K });
    expect(compareTopK(asReference(before), after, K)).toEqual([]);
    // Routed to lists, not scattered: the new placement is used.
    expect(after.shardsQueried).toBeLessThanOrEqual(3);
  });

  it('uploads only the lists that changed since the last snapshot', async () => {
    const client = second!.client;
    const blobsBefore = new Set(await blobKeys(store));
    // 50 new vectors near one training vector fall into one or two lists.
    const near = Float32Array.from({ length: 50 * DIM }, (_, i) => data[i % DIM] + 0.001 * (i / DIM));
    await client.upsert(NAME, sequentialIds(50, N), near);
    const { job } = await runJob(client, client.snapshot(NAME));
    const added = (await blobKeys(store)).filter((key) => !blobsBefore.has(key));
    expect(job.result.uploadedBlobs).toBe(added.length);
    expect(job.result.uploadedBlobs).toBeGreaterThan(0);
    expect(job.result.uploadedBlobs).toBeLessThanOrEqual(3);
    expect(job.result.reusedBlobs).toBeGreaterThan(50);
    expect(job.result.vectors).toBe(N + 50);
  });

  it('refuses a corrupted blob, naming it, and restores an older snapshot instead', async () => {
    const client = second!.client;
    const [older, newer] = (await client.listSnapshots(NAME)).map((s) => s.id).reverse();
    const manifestOf = async (id: string) =>
      JSON.parse((await store.get(`collections/${NAME}/snapshots/${id}.json`)).toString()) as {
        lists: { sha256: string }[];
      };
    const olderBlobs = new Set((await manifestOf(older)).lists.map((list) => list.sha256));
    const onlyNewer = (await manifestOf(newer)).lists.find((list) => !olderBlobs.has(list.sha256))!;
    const key = `collections/${NAME}/blobs/${onlyNewer.sha256}`;
    const blob = await store.get(key);
    blob[blob.length - 1] ^= 0xff;
    await store.put(key, blob);

    await expect(runJob(client, client.restore(NAME, newer))).rejects.toThrow(new RegExp(`corrupt: ${key}`));
    await expect(client.getCollection(NAME)).rejects.toMatchObject({ codeName: 'NOT_FOUND' });

    await runJob(client, client.restore(NAME, older));
    const after = await client.search(NAME, queries, { k: K });
    expect(compareTopK(asReference(before), after, K)).toEqual([]);
    await store.delete([key]);
  });

  it('keeps the last snapshots and deletes blobs nobody references, including a crashed snapshot’s', async () => {
    const client = second!.client;
    // What a snapshot that died before writing its manifest leaves behind.
    const orphan = `collections/${NAME}/blobs/${'0'.repeat(64)}`;
    await store.put(orphan, Buffer.from('half-written'));
    for (let round = 0; round < 3; round++) {
      await client.upsert(
        NAME,
        sequentialIds(1, N + 100 + round),
        data.subarray(round * DIM, (round + 1) * DIM),
      );
      await runJob(client, client.snapshot(NAME));
    }
    const kept = await client.listSnapshots(NAME);
    expect(kept).toHaveLength(3);
    const referenced = new Set<string>();
    for (const snapshot of kept) {
      const manifest = JSON.parse(
        (await store.get(`collections/${NAME}/snapshots/${snapshot.id}.json`)).toString(),
      ) as { template: { sha256: string }; lists: { sha256: string }[] };
      referenced.add(manifest.template.sha256);
      for (const list of manifest.lists) referenced.add(list.sha256);
    }
    const stored = (await blobKeys(store)).map((key) => key.split('/').pop());
    expect(new Set(stored)).toEqual(referenced);
  });

  it('refills a restarted worker from the newest snapshot', async () => {
    const cluster = second!;
    const client = cluster.client;
    const expected = await client.search(NAME, queries, { k: K });
    await runJob(client, client.snapshot(NAME));
    await cluster.restartWorker(1);
    const deadline = Date.now() + 30_000;
    let problems: string[] = ['not tried'];
    while (Date.now() < deadline) {
      try {
        const after = await client.search(NAME, queries, { k: K });
        problems = compareTopK(asReference(expected), after, K);
        if (problems.length === 0) break;
      } catch (error) {
        problems = [String(error)];
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(problems).toEqual([]);
  });

  it('imports a vector file from the object store ("store:KEY")', async () => {
    const client = second!.client;
    const rows = 300;
    const fvecs = Buffer.alloc(rows * (4 + 4 * DIM));
    for (let row = 0; row < rows; row++) {
      const at = row * (4 + 4 * DIM);
      fvecs.writeInt32LE(DIM, at);
      for (let d = 0; d < DIM; d++) fvecs.writeFloatLE(data[row * DIM + d], at + 4 + 4 * d);
    }
    await store.put('imports/rows.fvecs', fvecs);
    await client.createCollection({
      name: 'from-store',
      dim: DIM,
      metric: 'l2',
      index: 'IVF4,Flat',
      nprobe: 4,
    });
    const { job } = await runJob(
      client,
      client.import({ collection: 'from-store', path: 'store:imports/rows.fvecs', firstId: 1000 }),
    );
    expect(job.result).toMatchObject({ vectors: rows });
    const found = await client.search('from-store', data.subarray(0, DIM), { k: 1 });
    expect(found.ids[0]).toBe(1000n);
    expect(found.distances[0]).toBe(0);
    await client.dropCollection('from-store');
  });

  it('leaves every committed snapshot restorable when the coordinator dies mid-snapshot', async () => {
    const cluster = second!;
    const client = cluster.client;
    const committed = (await client.listSnapshots(NAME)).map((s) => s.id);
    const { vectors } = await client.getCollection(NAME);
    const job = await client.snapshot(NAME);
    await cluster.restartCoordinator();
    // The listing holds the earlier snapshots and at most the one being taken.
    const listed = (await cluster.client.listSnapshots(NAME)).map((s) => s.id);
    expect(listed.filter((id) => !committed.includes(id)).length).toBeLessThanOrEqual(1);
    // The job is taken over (or had finished) and completes.
    const done = await cluster.client.waitForJob(job.id, { timeoutMs: 60_000 });
    expect(done.state).toMatch(/completed/i);
    const restored = await runJob(cluster.client, cluster.client.restore(NAME));
    expect(restored.job.result).toMatchObject({ vectors });
  });
});
