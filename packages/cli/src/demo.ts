import { join } from 'node:path';
import { VecshardClient, VecshardError } from '@vecshard/client';
import { findFashionMnist, readIdx } from '@vecshard/datasets';
import { followJob } from './job-progress.js';

const COLLECTION = 'fashion-mnist';

/**
 * Loads Fashion-MNIST (60k × 784; the Debian package dataset-fashion-mnist) into
 * a demo collection through an import job, unless it is already there, and
 * shows one search.
 */
export async function runDemo(address: string, replicas = 1): Promise<void> {
  const client = new VecshardClient(address, { deadlineMs: 120_000 });
  try {
    const dir = findFashionMnist();
    if (!dir) {
      console.log(
        'demo: Fashion-MNIST not found (apt-get install dataset-fashion-mnist); skipping the demo load',
      );
      return;
    }
    const existing = await client.listCollections();
    if (!existing.some((c) => c.name === COLLECTION))
      await load(client, join(dir, 'train-images-idx3-ubyte.gz'), replicas);
    const query = readIdx(join(dir, 't10k-images-idx3-ubyte.gz'), { from: 0, to: 1 });
    const k = 5;
    const started = performance.now();
    const result = await client.search(COLLECTION, query.vectors, { k });
    const ms = (performance.now() - started).toFixed(1);
    console.log(
      `demo: test image 0's ${k} nearest training images: ${[...result.ids].join(', ')} ` +
        `(${ms} ms, ${result.shardsQueried} shard(s) asked)`,
    );
    console.log(`demo: collection "${COLLECTION}" is ready; try the client SDK against ${address}`);
  } catch (error) {
    const detail = error instanceof VecshardError ? `${error.codeName}: ${error.message}` : String(error);
    console.error(`demo: failed: ${detail}`);
  } finally {
    client.close();
  }
}

/** Creates the collection and imports the training images; the import trains it on the first 20,000. */
async function load(client: VecshardClient, path: string, replicas: number): Promise<void> {
  console.log(
    `demo: creating "${COLLECTION}" (784 dims, L2, IVF256,Flat, nprobe 16, ${replicas} ` +
      `cop${replicas === 1 ? 'y' : 'ies'} of every shard) and importing ${path}`,
  );
  await client.createCollection({
    name: COLLECTION,
    dim: 784,
    metric: 'l2',
    index: 'IVF256,Flat',
    nprobe: 16,
    replicationFactor: replicas,
  });
  await followJob(client, await client.import({ collection: COLLECTION, path, trainSize: 20_000 }));
}
