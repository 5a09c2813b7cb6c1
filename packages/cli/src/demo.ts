import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VecshardClient, VecshardError } from '@vecshard/client';

const COLLECTION = 'fashion-mnist';
const DATASET_DIRS = [
  '/usr/share/datasets/fashion-mnist',
  join(process.cwd(), '..', 'shared', 'datasets', 'fashion-mnist'),
];
const BATCH = 10_000;

/**
 * Loads Fashion-MNIST (60k × 784; the Debian package dataset-fashion-mnist) into
 * a demo collection, unless it is already there, and shows one search.
 */
export async function runDemo(address: string): Promise<void> {
  const client = new VecshardClient(address, { deadlineMs: 120_000 });
  try {
    const dir = DATASET_DIRS.find((d) => existsSync(join(d, 'train-images-idx3-ubyte.gz')));
    if (!dir) {
      console.log(
        'demo: Fashion-MNIST not found (apt-get install dataset-fashion-mnist); skipping the demo load',
      );
      return;
    }
    const train = readImages(join(dir, 'train-images-idx3-ubyte.gz'));
    const queries = readImages(join(dir, 't10k-images-idx3-ubyte.gz'));
    const existing = await client.listCollections();
    if (!existing.some((c) => c.name === COLLECTION)) {
      await load(client, train.vectors, train.dim);
    }
    const k = 5;
    const started = performance.now();
    const result = await client.search(COLLECTION, queries.vectors.subarray(0, queries.dim), { k });
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

async function load(client: VecshardClient, vectors: Float32Array, dim: number): Promise<void> {
  const n = vectors.length / dim;
  console.log(`demo: creating "${COLLECTION}" (${n} × ${dim}, L2, IVF256,Flat, nprobe 16)`);
  await client.createCollection({ name: COLLECTION, dim, metric: 'l2', index: 'IVF256,Flat', nprobe: 16 });
  await client.train(COLLECTION, vectors.subarray(0, 20_000 * dim));
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH);
    const ids = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i));
    await client.upsert(COLLECTION, ids, vectors.subarray(from * dim, to * dim));
    process.stdout.write(`\rdemo: loaded ${to}/${n}`);
  }
  process.stdout.write('\n');
}

/** An IDX3 gzip image file (big-endian header, then uint8 pixels) as float32 rows. */
function readImages(file: string): { vectors: Float32Array; dim: number } {
  const bytes = gunzipSync(readFileSync(file));
  const header = new DataView(bytes.buffer, bytes.byteOffset, 16);
  if (header.getUint32(0) !== 0x803) throw new Error(`${file} is not an IDX3 image file`);
  const n = header.getUint32(4);
  const dim = header.getUint32(8) * header.getUint32(12);
  return { vectors: Float32Array.from(bytes.subarray(16, 16 + n * dim)), dim };
}
