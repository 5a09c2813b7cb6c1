import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readVectorFile, vectorFileShape } from '@vecshard/datasets';
import { encodeArray, RpcError } from '@vecshard/proto';
import type { ObjectStore } from '@vecshard/storage';
import { trainCollection } from '../collection-admin.js';
import type { CallWithDeadline, CoordinatorContext } from '../context.js';
import { serializeWrites, upsert } from '../data-path.js';
import type { ImportJobData, JobProcessor, JobProgress, ProgressSink } from './job-kinds.js';
import { permanent } from './job-queue.js';

/** An import path naming an object in the cluster's object store. */
export const STORE_PREFIX = 'store:';

/** Jobs run for as long as they need; each worker call still has the coordinator's worker timeout. */
const NO_CALLER_DEADLINE: CallWithDeadline = { getDeadline: () => Infinity };

/**
 * Reads a vector file in batches and upserts row i with id firstId + i, training
 * the collection on the leading rows first when it is untrained. A re-run
 * resumes after the last acknowledged batch; rows sent twice replace themselves.
 */
export function importProcessor(
  ctx: CoordinatorContext,
  store: ObjectStore | undefined,
  dataDir: string,
): JobProcessor<ImportJobData> {
  return async (data, progress, resumeFrom) => {
    const source = await localCopy(data.path, store, dataDir);
    try {
      return await importFile(ctx, { ...data, path: source.path }, progress, resumeFrom, data.path);
    } finally {
      await source.release();
    }
  };
}

async function importFile(
  ctx: CoordinatorContext,
  data: ImportJobData,
  progress: ProgressSink,
  resumeFrom: JobProgress | undefined,
  origin: string,
): Promise<Record<string, unknown>> {
  if (!existsSync(data.path))
    throw permanent(new Error(`file ${data.path} does not exist on the coordinator`));
  const shape = readShape(data.path);
  const { record } = await collection(ctx, data.collection);
  if (shape.dim !== record.dim) {
    throw permanent(
      new Error(`${data.path} holds ${shape.dim}-dimensional vectors; "${record.name}" has ${record.dim}`),
    );
  }
  const total = data.limit > 0 ? Math.min(data.limit, shape.count) : shape.count;
  if (record.state !== 'ready') await train(ctx, data, record.nlist, total);
  const batch = data.batchSize > 0 ? data.batchSize : 10_000;
  let done = Math.min(resumeFrom?.done ?? 0, total);
  await progress(done, total);
  while (done < total) {
    const to = Math.min(total, done + batch);
    const rows = readVectorFile(data.path, { from: done, to });
    const ids = BigInt64Array.from({ length: to - done }, (_, i) => BigInt(data.firstId + done + i));
    await serializeWrites(data.collection, async () => {
      const ready = await ctx.catalog.getReady(data.collection, 'Import');
      await upsert(ctx, ready, encodeArray(ids), encodeArray(rows.vectors), NO_CALLER_DEADLINE);
    });
    done = to;
    await progress(done, total);
  }
  return { vectors: total, collection: data.collection, path: origin };
}

/**
 * The file to read: the path itself, or for "store:KEY" the object downloaded
 * into the data folder (kept under its key's file name, so the reader can tell
 * its format by extension) and deleted when the job ends.
 */
async function localCopy(path: string, store: ObjectStore | undefined, dataDir: string) {
  if (!path.startsWith(STORE_PREFIX)) return { path, release: async () => {} };
  const key = path.slice(STORE_PREFIX.length);
  if (!store)
    throw permanent(
      new Error(`"${path}" names an object, but this coordinator has no object store (--store)`),
    );
  if (!(await store.head(key)))
    throw permanent(new Error(`object "${key}" does not exist in ${store.location}`));
  await mkdir(dataDir, { recursive: true });
  const dir = await mkdtemp(join(dataDir, 'import-'));
  const file = join(dir, basename(key));
  await writeFile(file, await store.get(key));
  return { path: file, release: () => rm(dir, { recursive: true, force: true }) };
}

function readShape(path: string) {
  try {
    return vectorFileShape(path);
  } catch (error) {
    throw permanent(error as Error);
  }
}

async function collection(ctx: CoordinatorContext, name: string) {
  try {
    return await ctx.catalog.get(name);
  } catch (error) {
    if (error instanceof RpcError) throw permanent(error);
    throw error;
  }
}

async function train(ctx: CoordinatorContext, data: ImportJobData, nlist: number, total: number) {
  const size = Math.min(total, data.trainSize > 0 ? data.trainSize : 50 * nlist);
  const sample = readVectorFile(data.path, { from: 0, to: size });
  await serializeWrites(data.collection, async () => {
    const { record } = await ctx.catalog.get(data.collection);
    if (record.state === 'ready') return; // trained meanwhile (or by an earlier attempt)
    await trainCollection(ctx, data.collection, encodeArray(sample.vectors), NO_CALLER_DEADLINE);
  });
}
