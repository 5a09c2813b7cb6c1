import { existsSync } from 'node:fs';
import { readVectorFile, vectorFileShape } from '@vecshard/datasets';
import { encodeArray, RpcError } from '@vecshard/proto';
import { trainCollection } from '../collection-admin.js';
import type { CallWithDeadline, CoordinatorContext } from '../context.js';
import { serializeWrites, upsert } from '../data-path.js';
import type { ImportJobData, JobProcessor } from './job-kinds.js';
import { permanent } from './job-queue.js';

/** Jobs run for as long as they need; each worker call still has the coordinator's worker timeout. */
const NO_CALLER_DEADLINE: CallWithDeadline = { getDeadline: () => Infinity };

/**
 * Reads a vector file in batches and upserts row i with id firstId + i, training
 * the collection on the leading rows first when it is untrained. A re-run
 * resumes after the last acknowledged batch; rows sent twice replace themselves.
 */
export function importProcessor(ctx: CoordinatorContext): JobProcessor<ImportJobData> {
  return async (data, progress, resumeFrom) => {
    if (!existsSync(data.path)) throw permanent(new Error(`file ${data.path} does not exist on the coordinator`));
    const shape = readShape(data.path);
    const { record } = await collection(ctx, data.collection);
    if (shape.dim !== record.dim) {
      throw permanent(new Error(`${data.path} holds ${shape.dim}-dimensional vectors; "${record.name}" has ${record.dim}`));
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
    return { vectors: total, collection: data.collection, path: data.path };
  };
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
