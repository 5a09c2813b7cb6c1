import { VecshardClient } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { freePort } from '../helpers/processes.js';
import { buildImage, compose, dockerMissing } from './docker.js';

// The container image as a user runs it: built from the repository, started with the
// compose file, and used over the published coordinator port.
//
// TEST_IMAGES_ADDRESS=host:port runs the round trip against a cluster already running
// from the image (started some other way), without building or starting anything.
const given = process.env.TEST_IMAGES_ADDRESS;
const missing = given ? undefined : dockerMissing();
if (missing) console.warn(`test:images skipped: ${missing}. It needs a Docker engine with Compose v2.`);

const DIM = 16;
const N = 3000;
const K = 10;
const NLIST = 16;

describe.skipIf(missing !== undefined)('the CPU image, run with the compose file', () => {
  let address = given ?? '';
  let client: VecshardClient;

  beforeAll(async () => {
    if (!given) {
      if (process.env.TEST_IMAGES_SKIP_BUILD !== '1') buildImage();
      const port = await freePort();
      // --wait returns once every service is healthy (and the bucket job has exited 0).
      compose(['up', '--detach', '--wait'], {
        COORDINATOR_PORT: String(port),
        METRICS_PORT: String(await freePort()),
        MINIO_CONSOLE_PORT: String(await freePort()),
      });
      address = `127.0.0.1:${port}`;
    }
    client = new VecshardClient(address, { deadlineMs: 60_000 });
  });

  afterAll(() => {
    client?.close();
    if (!given) compose(['down', '--volumes', '--timeout', '30']);
  });

  it('sees every worker of the compose file registered', async () => {
    const alive = (await client.clusterStatus()).workers.filter((w) => w.alive);
    expect(alive.length).toBeGreaterThanOrEqual(2);
    // Each advertises its service name and fixed port, which the coordinator dials.
    if (!given) expect(alive.map((w) => w.address).sort()).toEqual(['worker-1:50061', 'worker-2:50061']);
  });

  it('creates, trains, upserts and answers exactly what one FAISS index answers', async () => {
    const data = clusteredVectors(N, DIM, 11);
    const queries = clusteredVectors(50, DIM, 12);
    await client.createCollection({
      name: 'images',
      dim: DIM,
      metric: 'l2',
      index: `IVF${NLIST},Flat`,
      nprobe: 4,
      shards: 2,
    });
    const trained = await client.train('images', data);
    expect(trained.placement).toHaveLength(2);
    expect(await client.upsert('images', sequentialIds(N), data)).toBe(N);

    const { template } = await client.getCollection('images', { includeTemplate: true });
    const reference = await FaissIndex.deserialize(template!, 'l2');
    await reference.add(data, sequentialIds(N));
    const expected = await reference.search(queries, K, { nprobe: 4 });
    expect(compareTopK(expected, await client.search('images', queries, { k: K }), K)).toEqual([]);
  });

  it('snapshots the collection into the object store', async () => {
    const job = await client.snapshot('images');
    const done = await client.waitForJob(job.id, { timeoutMs: 120_000 });
    expect(done.state).toBe('completed');
    const snapshots = await client.listSnapshots('images');
    expect(snapshots.map((s) => s.vectors)).toContain(N);
    if (!given) {
      // The objects are in MinIO's bucket, under the store URL's prefix; the
      // credentials are the compose file's unless this run set others.
      const user = process.env.MINIO_ROOT_USER ?? 'vecshard';
      const password = process.env.MINIO_ROOT_PASSWORD ?? 'vecshard-secret';
      const listing = compose([
        'exec',
        '-T',
        '--env',
        `MC_HOST_store=http://${user}:${password}@127.0.0.1:9000`,
        'minio',
        'mc',
        'ls',
        '--recursive',
        'store/vecshard/snapshots/',
      ]);
      expect(listing).toMatch(/images/);
    }
  });
});
