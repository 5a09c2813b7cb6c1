import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { VecshardClient, VecshardError } from '@vecshard/client';
import { findFashionMnist, readIdx } from '@vecshard/datasets';
import { DEMO_FIELDS, demoRows, writeFieldsFile } from './demo-fields.js';
import { showFilteredSearch } from './demo-filtered-search.js';
import { followJob } from './job-progress.js';

const COLLECTION = 'fashion-mnist';

export interface DemoOptions {
  /** Copies of every shard of the demo collection. */
  replicas: number;
  /** The cluster's data dir, where the demo writes its fields file for the coordinator to read. */
  dataDir: string;
}

/**
 * Loads Fashion-MNIST (60k × 784; the Debian package dataset-fashion-mnist) into
 * a demo collection through an import job, with each image's class and a
 * made-up price and tags as fields, unless it is already there; then shows
 * one search, one filtered search and a count.
 */
export async function runDemo(address: string, options: DemoOptions): Promise<void> {
  const client = new VecshardClient(address, { deadlineMs: 120_000 });
  try {
    const dir = findFashionMnist();
    if (!dir) {
      console.log(
        'demo: Fashion-MNIST not found (apt-get install dataset-fashion-mnist); skipping the demo load',
      );
      return;
    }
    const existing = (await client.listCollections()).find((c) => c.name === COLLECTION);
    if (!existing) await load(client, dir, options);
    const query = readIdx(join(dir, 't10k-images-idx3-ubyte.gz'), { from: 0, to: 1 });
    const k = 5;
    const started = performance.now();
    const result = await client.search(COLLECTION, query.vectors, { k });
    const ms = (performance.now() - started).toFixed(1);
    console.log(
      `demo: test image 0's ${k} nearest training images: ${[...result.ids].join(', ')} ` +
        `(${ms} ms, ${result.shardsQueried} shard(s) asked)`,
    );
    if (!existing || hasDemoFields(existing.fields))
      await showFilteredSearch(client, COLLECTION, query.vectors, address);
    else
      console.log(
        `demo: "${COLLECTION}" was loaded without fields by an earlier vecshard; drop it (or start on a ` +
          'fresh --data-dir) to have it loaded with label, price and tags',
      );
    console.log(`demo: collection "${COLLECTION}" is ready; try the client SDK against ${address}`);
  } catch (error) {
    const detail = error instanceof VecshardError ? `${error.codeName}: ${error.message}` : String(error);
    console.error(`demo: failed: ${detail}`);
  } finally {
    client.close();
  }
}

/**
 * Creates the collection and imports the training images with their fields
 * (a JSON Lines file written to the data dir, which the coordinator, a local
 * process here, reads); the import trains it on the first 20,000.
 */
async function load(client: VecshardClient, dir: string, options: DemoOptions): Promise<void> {
  const path = copyToDataDir(join(dir, 'train-images-idx3-ubyte.gz'), options.dataDir);
  const fieldsPath = writeDemoFields(dir, options.dataDir);
  const { replicas } = options;
  console.log(
    `demo: creating "${COLLECTION}" (784 dims, L2, IVF256,Flat, nprobe 16, fields label, price, tags, ` +
      `${replicas} cop${replicas === 1 ? 'y' : 'ies'} of every shard) and importing ${path}`,
  );
  await client.createCollection({
    name: COLLECTION,
    dim: 784,
    metric: 'l2',
    index: 'IVF256,Flat',
    nprobe: 16,
    replicationFactor: replicas,
    fields: { ...DEMO_FIELDS },
  });
  await followJob(
    client,
    await client.import({ collection: COLLECTION, path, fieldsPath, trainSize: 20_000 }),
  );
}

/**
 * A copy of the file in the data dir's demo folder; its absolute path. The
 * coordinator reads local files only under its import roots: the data dir is
 * one (`vecshard up` makes it so), the dataset's folder need not be.
 */
function copyToDataDir(file: string, dataDir: string): string {
  const copy = resolve(dataDir, 'demo', basename(file));
  mkdirSync(resolve(dataDir, 'demo'), { recursive: true });
  copyFileSync(file, copy);
  return copy;
}

/** The training images' fields, from their labels, as a file the import job reads; its absolute path. */
function writeDemoFields(dir: string, dataDir: string): string {
  const labelsFile = join(dir, 'train-labels-idx1-ubyte.gz');
  if (!existsSync(labelsFile)) throw new Error(`${labelsFile} is missing: the demo's labels come from it`);
  const path = resolve(dataDir, 'demo', 'fashion-mnist-fields.jsonl.gz');
  writeFieldsFile(path, demoRows(readIdx(labelsFile).vectors));
  return path;
}

function hasDemoFields(fields: Record<string, string>): boolean {
  return Object.entries(DEMO_FIELDS).every(([name, type]) => fields[name] === type);
}
