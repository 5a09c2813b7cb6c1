import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SearchResult as ClusterSearchResult, VecshardClient } from '@vecshard/client';
import { findFashionMnist } from '@vecshard/datasets';
import { FaissIndex, type SearchResult } from '@vecshard/faiss';
import { type ObjectStore, openStore } from '@vecshard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { readIdxImages, sequentialIds } from '../helpers/data.js';
import { countRequests, type S3Server, startS3rver } from '../helpers/s3rver.js';

// Snapshots go to an object store and come back on a different, empty
// cluster (new Redis, new workers, a different number of them) with the same
// answers on Fashion-MNIST; they are incremental per inverted list,
// checksummed, committed by their manifest, pruned by retention, survive
// crashes mid-snapshot and refill a worker that restarted empty. Run against
// the local-folder store and a real S3 endpoint (s3rver) over HTTP.
const FASHION = join(findFashionMnist() ?? '/usr/share/datasets/fashion-mnist', 'train-images-idx3-ubyte.gz');
const DIM = 784;
const N = 60_000;
const K = 10;
const NPROBE = 8;
const head = readIdxImages('train-images-idx3-ubyte.gz', 1000).vectors;
const queries = readIdxImages('t10k-images-idx3-ubyte.gz', 200).vectors;
const NAME = 'fashion';

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

async function blobKeys(store: ObjectStore): Promise<string[]> {
  return (await store.list(`collections/${NAME}/blobs/`)).map((object) => object.key);
}

async function manifestOf(store: ObjectStore, id: string) {
  const text = (await store.get(`collections/${NAME}/snapshots/${id}.json`)).toString();
  return JSON.parse(text) as { template: { sha256: string }; lists: { list: number; sha256: string }[] };
}

/** Every blob the kept snapshots reference, by hash. */
async function referencedBlobs(client: VecshardClient, store: ObjectStore): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const snapshot of await client.listSnapshots(NAME)) {
    const manifest = await manifestOf(store, snapshot.id);
    referenced.add(manifest.template.sha256);
    for (const list of manifest.lists) referenced.add(list.sha256);
  }
  return referenced;
}

/**
 * Two stored rows, in different lists, and new vectors for them that stay in
 * their lists: upserting them changes exactly two inverted lists.
 */
async function twoListChange(client: VecshardClient, round: number) {
  const { template } = await client.getCollection(NAME, { includeTemplate: true });
  const quantizer = await FaissIndex.deserialize(template!, 'l2');
  const rows = 200;
  const before = head.subarray(0, rows * DIM);
  const after = Float32Array.from(before, (value, i) => (i % DIM === round ? value + 1 : value));
  const listsBefore = (await quantizer.assign(before, 1)).lists;
  const listsAfter = (await quantizer.assign(after, 1)).lists;
  const chosen: number[] = [];
  for (let row = 0; row < rows && chosen.length < 2; row++) {
    const stays = listsBefore[row] === listsAfter[row];
    if (stays && !chosen.some((other) => listsBefore[other] === listsBefore[row])) chosen.push(row);
  }
  expect(chosen).toHaveLength(2);
  const vectors = new Float32Array(2 * DIM);
  for (const [i, row] of chosen.entries()) vectors.set(after.subarray(row * DIM, (row + 1) * DIM), i * DIM);
  return {
    ids: BigInt64Array.from(chosen, BigInt),
    vectors,
    lists: chosen.map((row) => Number(listsBefore[row])),
  };
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

// Each test here moves Fashion-MNIST (60,000 × 784) through a snapshot, a
// restore or a refill: minutes on a slow or busy 2-core machine, not seconds.
const HEAVY = { timeout: 300_000 };

describe.each(['file', 's3'] as const)('snapshots in a %s store', (kind) => {
  let storeUrl: string;
  /** Why the later tests cannot run (they build on the collection the first one restores), if they cannot. */
  let missing: string | undefined = 'the first test (the restore onto a new cluster) did not finish';
  const restoredCluster = (): TestCluster => {
    if (missing || !second) throw new Error(`this test needs the restored collection, but ${missing}`);
    return second;
  };
  let env: Record<string, string>;
  let store: ObjectStore;
  let first: TestCluster | undefined;
  let second: TestCluster | undefined;

  const clusterOf = (workers: number) =>
    startCluster({
      workers,
      coordinatorArgs: [
        // The Fashion-MNIST file the first test imports.
        '--import-root',
        dirname(FASHION),
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
  /** Objects the store received while `run` went on: PUT requests on S3, new files in the folder. */
  const objectsWritten = async (run: () => Promise<unknown>) => {
    if (kind === 's3') return countRequests('PUT', run);
    const before = (await store.list('collections/')).length;
    await run();
    return (await store.list('collections/')).length - before;
  };

  beforeAll(() => {
    storeUrl = kind === 'file' ? `file://${join(dataDir, 'store')}` : s3.storeUrl('cluster-a');
    env = kind === 'file' ? {} : s3.env;
    store = openStore(storeUrl, { ...process.env, ...env });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it(
    'restores a 2-worker snapshot of Fashion-MNIST on a new 3-worker cluster, answering exactly as before',
    HEAVY,
    async () => {
      first = await clusterOf(2);
      const client = first.client;
      await client.createCollection({
        name: NAME,
        dim: DIM,
        metric: 'l2',
        index: 'IVF64,Flat',
        nprobe: NPROBE,
      });
      // The import ends with a snapshot of its own: what makes its rows durable.
      const imported = await client.waitForJob((await client.import({ collection: NAME, path: FASHION })).id);
      expect(imported.result.snapshotId).toBeTruthy();
      const before = await client.search(NAME, queries, { k: K });

      const { job, progress } = await runJob(client, client.snapshot(NAME));
      expect(job.result).toMatchObject({ vectors: N });
      expect(progress.at(-1)).toBe(100);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect((await client.listSnapshots(NAME)).map((snapshot) => snapshot.id)).toEqual([
        job.result.snapshotId,
        imported.result.snapshotId,
      ]);
      // Everything goes: processes killed, Redis with them.
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
      missing = undefined;
    },
  );

  it(
    'uploads only the two changed lists and the manifest after vectors in two lists change',
    HEAVY,
    async () => {
      const client = restoredCluster().client;
      const change = await twoListChange(client, 0);
      await client.upsert(NAME, change.ids, change.vectors);
      const blobsBefore = new Set(await blobKeys(store));
      let result: Record<string, unknown> = {};
      const written = await objectsWritten(async () => {
        result = (await runJob(client, client.snapshot(NAME))).job.result;
      });
      expect(written).toBe(3);
      const added = (await blobKeys(store)).filter((key) => !blobsBefore.has(key));
      expect(added).toHaveLength(2);
      // Only the changed lists even left their workers.
      expect(result).toMatchObject({ uploadedBlobs: 2, exportedLists: 2, vectors: N });
      const manifest = await manifestOf(store, result.snapshotId as string);
      const changedLists = manifest.lists.filter((list) => added.some((key) => key.endsWith(list.sha256)));
      expect(changedLists.map((list) => list.list).sort()).toEqual([...change.lists].sort());
    },
  );

  it('refuses a corrupted blob, naming it, and restores an older snapshot instead', HEAVY, async () => {
    const client = restoredCluster().client;
    // The two newest (the import's own snapshot is older than both).
    const [newer, older] = (await client.listSnapshots(NAME)).map((s) => s.id);
    const olderBlobs = new Set((await manifestOf(store, older)).lists.map((list) => list.sha256));
    const onlyNewer = (await manifestOf(store, newer)).lists.find((list) => !olderBlobs.has(list.sha256))!;
    const key = `collections/${NAME}/blobs/${onlyNewer.sha256}`;
    const blob = await store.get(key);
    blob[blob.length - 1] ^= 0xff;
    await store.put(key, blob);

    const refused = (await runJob(client, client.restore(NAME, newer)).catch((error) => error)) as Error;
    expect(refused.message).toMatch(new RegExp(`corrupt: ${key}`));
    // Not half a collection: it is gone until a good snapshot is restored.
    await expect(client.getCollection(NAME)).rejects.toMatchObject({ codeName: 'NOT_FOUND' });

    const restored = await runJob(client, client.restore(NAME, older));
    expect(restored.job.result).toMatchObject({ snapshotId: older, vectors: N });
    // Repaired, the newer snapshot restores again (and is what later tests restore).
    blob[blob.length - 1] ^= 0xff;
    await store.put(key, blob);
    await runJob(client, client.restore(NAME, newer));
  });

  it(
    'keeps every committed snapshot when a worker dies mid-snapshot, and cleans up what it half wrote',
    HEAVY,
    async () => {
      const cluster = restoredCluster();
      const client = cluster.client;
      const committed = (await client.listSnapshots(NAME)).map((s) => s.id);
      const expected = await client.search(NAME, queries, { k: K });
      // Changed lists on every shard, so the doomed snapshot has new blobs to write.
      const change = await twoListChange(client, 1);
      await client.upsert(NAME, change.ids, change.vectors);

      const doomed = await client.snapshot(NAME);
      await cluster.workers[1].process.stop('SIGKILL');
      await expect(client.waitForJob(doomed.id)).rejects.toThrow(/w1/);
      expect((await client.listSnapshots(NAME)).map((s) => s.id)).toEqual(committed);

      // The newest committed snapshot restores onto the workers still alive.
      const restored = await runJob(client, client.restore(NAME));
      expect(restored.job.result).toMatchObject({ snapshotId: committed[0], shards: 2 });
      expect(compareTopK(asReference(expected), await client.search(NAME, queries, { k: K }), K)).toEqual([]);

      // The next snapshot's retention removes the blobs nothing references.
      await cluster.restartWorker(1);
      await runJob(client, client.snapshot(NAME));
      const stored = (await blobKeys(store)).map((key) => key.split('/').pop());
      expect(new Set(stored)).toEqual(await referencedBlobs(client, store));
    },
  );

  it(
    'keeps the last snapshots and deletes blobs nobody references, including a crashed snapshot’s',
    HEAVY,
    async () => {
      const client = restoredCluster().client;
      // What a snapshot that died before writing its manifest leaves behind.
      const orphan = `collections/${NAME}/blobs/${'0'.repeat(64)}`;
      await store.put(orphan, Buffer.from('half-written'));
      for (let round = 0; round < 3; round++) {
        await client.upsert(NAME, sequentialIds(1, N + round), head.subarray(round * DIM, (round + 1) * DIM));
        await runJob(client, client.snapshot(NAME));
      }
      expect(await client.listSnapshots(NAME)).toHaveLength(3);
      const stored = (await blobKeys(store)).map((key) => key.split('/').pop());
      expect(stored).not.toContain('0'.repeat(64));
      expect(new Set(stored)).toEqual(await referencedBlobs(client, store));
    },
  );

  it(
    'refills a restarted worker from the last snapshot and the writes acknowledged after it',
    HEAVY,
    async () => {
      const cluster = restoredCluster();
      const client = cluster.client;
      await runJob(client, client.snapshot(NAME));
      // After the snapshot: new rows, replaced rows (many change list and shard) and deletes.
      await client.upsert(NAME, sequentialIds(500, N + 1000), head.subarray(0, 500 * DIM));
      await client.upsert(NAME, sequentialIds(300, 100), head.subarray(500 * DIM, 800 * DIM));
      await client.delete(NAME, sequentialIds(50, 900));
      const expected = await client.search(NAME, queries, { k: K });
      const { vectors } = await client.getCollection(NAME);

      await cluster.restartWorker(2);
      // The refill's budget: it only turns a hang into a failure.
      const deadline = Date.now() + 240_000;
      let problems: string[] = ['not tried'];
      while (Date.now() < deadline) {
        try {
          problems = compareTopK(asReference(expected), await client.search(NAME, queries, { k: K }), K);
          if (problems.length === 0 && (await client.getCollection(NAME)).vectors === vectors) break;
          problems.push('vector count differs');
        } catch (error) {
          problems = [String(error)];
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(problems).toEqual([]);
      // The replaced and deleted rows are right too, not only the top-k of the queries.
      // Row 500's vector is stored twice now: as id 500 and, replaced, as id 100.
      const replaced = await client.search(NAME, head.subarray(500 * DIM, 501 * DIM), { k: 2, nprobe: 64 });
      expect([...replaced.ids].sort()).toEqual([100n, 500n]);
      expect([...replaced.distances]).toEqual([0, 0]);
      const deleted = await client.search(NAME, head.subarray(900 * DIM, 901 * DIM), { k: 1, nprobe: 64 });
      expect(deleted.ids[0]).not.toBe(900n);
    },
  );

  it('imports a vector file from the object store ("store:KEY")', HEAVY, async () => {
    const client = restoredCluster().client;
    const rows = 300;
    const fvecs = Buffer.alloc(rows * (4 + 4 * DIM));
    for (let row = 0; row < rows; row++) {
      const at = row * (4 + 4 * DIM);
      fvecs.writeInt32LE(DIM, at);
      for (let d = 0; d < DIM; d++) fvecs.writeFloatLE(head[row * DIM + d], at + 4 + 4 * d);
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
    const found = await client.search('from-store', head.subarray(0, DIM), { k: 1 });
    expect(found.distances[0]).toBe(0);
    await client.dropCollection('from-store');
  });

  it('leaves every committed snapshot restorable when the coordinator dies mid-snapshot', HEAVY, async () => {
    const cluster = restoredCluster();
    const committed = (await cluster.client.listSnapshots(NAME)).map((s) => s.id);
    const { vectors } = await cluster.client.getCollection(NAME);
    const job = await cluster.client.snapshot(NAME);
    await cluster.restartCoordinator();
    // The listing holds the earlier snapshots and at most the one being taken.
    const listed = (await cluster.client.listSnapshots(NAME)).map((s) => s.id);
    expect(listed.filter((id) => !committed.includes(id)).length).toBeLessThanOrEqual(1);
    // The job is taken over (or had finished) and completes.
    const done = await cluster.client.waitForJob(job.id, { timeoutMs: 60_000 });
    expect(done.state).toBe('completed');
    const restored = await runJob(cluster.client, cluster.client.restore(NAME));
    expect(restored.job.result).toMatchObject({ vectors });
  });
});
