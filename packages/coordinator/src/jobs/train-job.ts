import { readVectorFile } from '@vecshard/datasets';
import { encodeArray, RpcError } from '@vecshard/proto';
import { trainCollection } from '../collection-admin.js';
import type { CoordinatorContext } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { JobProcessor, TrainJobData } from './job-kinds.js';
import { permanent } from './job-queue.js';
import { type JobFiles, jobCollection, NO_CALLER_DEADLINE, openVectorSource } from './vector-source.js';

/** Trains a collection on a file's leading rows (all of them when `limit` is 0). */
export function trainProcessor(ctx: CoordinatorContext, files: JobFiles): JobProcessor<TrainJobData> {
  return async (data, progress, resumeFrom) => {
    const { record } = await jobCollection(ctx, data.collection);
    if (record.state === 'ready') {
      // An earlier attempt of this job reached the training (its lock lapsed on a busy machine,
      // or its coordinator died after training): the job's work is done, not refused.
      if (resumeFrom && resumeFrom.total > 0) {
        return { collection: data.collection, trainedOn: resumeFrom.total, path: data.path };
      }
      throw permanent(new Error(`collection "${data.collection}" is already trained`));
    }
    const source = await openVectorSource(data.path, record.dim, data.collection, files);
    try {
      const rows = data.limit > 0 ? Math.min(data.limit, source.count) : source.count;
      await progress(0, rows);
      await trainOnFile(ctx, data.collection, source.path, rows);
      await progress(rows, rows);
      return { collection: data.collection, trainedOn: rows, path: data.path };
    } finally {
      await source.release();
    }
  };
}

/**
 * Trains on the first `rows` rows of a local vector file, unless the collection
 * was trained meanwhile (by another job, or an earlier attempt of this one).
 */
export async function trainOnFile(ctx: CoordinatorContext, collection: string, path: string, rows: number) {
  const sample = readVectorFile(path, { from: 0, to: rows });
  await serializeWrites(collection, async () => {
    const { record } = await ctx.catalog.get(collection);
    if (record.state === 'ready') return;
    try {
      await trainCollection(ctx, collection, encodeArray(sample.vectors), NO_CALLER_DEADLINE);
    } catch (error) {
      // Too few rows, or a factory string FAISS cannot train: the same file fails the same way again.
      if (error instanceof RpcError && error.code === 3) throw permanent(error);
      throw error;
    }
  });
}
