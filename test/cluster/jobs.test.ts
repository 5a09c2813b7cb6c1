import { dirname, join } from 'node:path';
import { VecshardClient, type VecshardError } from '@vecshard/client';
import { findFashionMnist } from '@vecshard/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { readIdxImages } from '../helpers/data.js';

// Bulk imports run as jobs: progress from 0 to 100, every row searchable at
// the end, upserts by id (a re-run adds nothing twice), clear failures that
// are not retried, and a job that outlives the coordinator running it.
const FASHION = join(findFashionMnist() ?? '/usr/share/datasets/fashion-mnist', 'train-images-idx3-ubyte.gz');
const DIM = 784;
const first = readIdxImages('train-images-idx3-ubyte.gz', 5);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({
    workers: 2,
    // Jobs read local files only under the import root: Fashion-MNIST's folder here.
    coordinatorArgs: ['--job-lock-ms', '2000', '--import-root', dirname(FASHION)],
  });
});
afterAll(async () => {
  await cluster?.stop();
});

async function createFashion(name: string): Promise<void> {
  await cluster.client.createCollection({ name, dim: DIM, metric: 'l2', index: 'IVF64,Flat', nprobe: 64 });
}

describe('import jobs', () => {
  it('imports Fashion-MNIST through a job: progress 0 → 100, then 60,000 vectors searchable', async () => {
    const client = cluster.client;
    await createFashion('fashion');
    const queued = await client.import({ collection: 'fashion', path: FASHION });
    expect(queued.state).toBe('queued');
    const progress: number[] = [];
    const job = await client.waitForJob(queued.id, {
      onProgress: (update) => progress.push(update.progress),
    });

    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ vectors: 60_000 });
    expect(progress[0]).toBeLessThan(50);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThan(2);
    expect((await client.getCollection('fashion')).vectors).toBe(60_000);
    // Row i was stored under id i: each of the first rows finds itself.
    const found = await client.search('fashion', first.vectors, { k: 1 });
    expect(Array.from(found.distances)).toEqual([0, 0, 0, 0, 0]);
  });

  it('trains a collection on a file through a job, then imports into it', async () => {
    const client = cluster.client;
    await createFashion('trained-from-file');
    const job = await client.waitForJob(
      (await client.trainFromFile({ collection: 'trained-from-file', path: FASHION, limit: 5000 })).id,
    );
    expect(job.result).toMatchObject({ trainedOn: 5000 });
    const info = await client.getCollection('trained-from-file');
    expect(info.state).toBe('ready');
    expect(info.vectors).toBe(0);
    await expect(
      client.trainFromFile({ collection: 'trained-from-file', path: FASHION }),
    ).rejects.toMatchObject({ codeName: 'FAILED_PRECONDITION' });
    await client.waitForJob(
      (await client.import({ collection: 'trained-from-file', path: FASHION, limit: 1000 })).id,
    );
    expect((await client.getCollection('trained-from-file')).vectors).toBe(1000);
  });

  it('a re-run upserts by id and adds nothing twice', async () => {
    const client = cluster.client;
    const job = await client.waitForJob(
      (await client.import({ collection: 'fashion', path: FASHION, limit: 20_000 })).id,
    );
    expect(job.result).toMatchObject({ vectors: 20_000 });
    expect((await client.getCollection('fashion')).vectors).toBe(60_000);
  });

  it('refuses a relative path or one outside the import root at once and fails a missing file or a dimension mismatch without retrying', async () => {
    const client = cluster.client;
    await expect(client.import({ collection: 'fashion', path: 'train.fvecs' })).rejects.toMatchObject({
      codeName: 'INVALID_ARGUMENT',
    });
    await expect(client.import({ collection: 'fashion', path: '/nowhere/base.fvecs' })).rejects.toMatchObject(
      {
        codeName: 'PERMISSION_DENIED',
      },
    );
    await expect(client.import({ collection: 'no-such', path: FASHION })).rejects.toMatchObject({
      codeName: 'NOT_FOUND',
    });

    const nowhere = join(dirname(FASHION), 'nowhere', 'base.fvecs');
    const missing = await client.import({ collection: 'fashion', path: nowhere });
    const missingError = (await client.waitForJob(missing.id).catch((e) => e)) as VecshardError;
    expect(missingError.message).toContain(`${nowhere} does not exist`);
    expect((await client.getJob(missing.id)).attempts).toBe(1);

    await expect(client.getJob('no-such-job')).rejects.toMatchObject({ codeName: 'NOT_FOUND' });
    await expect(client.waitForJob('no-such-job')).rejects.toMatchObject({ codeName: 'NOT_FOUND' });

    await client.createCollection({ name: 'narrow', dim: 32, metric: 'l2', index: 'IVF4,Flat' });
    const mismatch = await client.import({ collection: 'narrow', path: FASHION });
    await expect(client.waitForJob(mismatch.id)).rejects.toThrow(/784-dimensional vectors; "narrow" has 32/);
    const failed = await client.getJob(mismatch.id);
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
  });

  // A budget beyond the default 60 s: the job's lock must lapse before another coordinator takes it over.
  it('survives the coordinator dying mid-import: another takes the job over and finishes it exactly', {
    timeout: 180_000,
  }, async () => {
    await createFashion('taken-over');
    const queued = await cluster.client.import({
      collection: 'taken-over',
      path: FASHION,
      limit: 30_000,
      batchSize: 1000,
    });
    // Wait until it has stored some batches, then kill the coordinator running it.
    for (;;) {
      const job = await cluster.client.getJob(queued.id);
      if (job.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cluster.restartCoordinator();
    const client = new VecshardClient(cluster.coordinator.address, { deadlineMs: 60_000 });
    try {
      const job = await client.waitForJob(queued.id, { timeoutMs: 120_000 });
      expect(job.state).toBe('completed');
      expect(job.result).toMatchObject({ vectors: 30_000 });
      expect((await client.getCollection('taken-over')).vectors).toBe(30_000);
    } finally {
      client.close();
    }
  });
});
