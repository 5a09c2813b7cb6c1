import * as grpc from '@grpc/grpc-js';
import { readVectorFile } from '@vecshard/datasets';
import { encodeArray, RpcError } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import { serializeWrites, upsert } from '../data-path.js';
import type { ImportJobData, JobProcessor } from './job-kinds.js';
import { permanent } from './job-queue.js';
import { openFieldsSource } from './open-fields-source.js';
import { trainOnFile } from './train-job.js';
import { type JobFiles, jobCollection, NO_CALLER_DEADLINE, openVectorSource } from './vector-source.js';

/**
 * Reads a vector file in batches and upserts row i with id firstId + i, training
 * the collection on the leading rows first when it is untrained. A re-run
 * resumes after the last acknowledged batch; rows sent twice replace themselves.
 */
export function importProcessor(ctx: CoordinatorContext, files: JobFiles): JobProcessor<ImportJobData> {
  return async (data, progress, resumeFrom) => {
    const { record } = await jobCollection(ctx, data.collection);
    const source = await openVectorSource(data.path, record.dim, data.collection, files);
    const fields = data.fieldsPath ? await openFieldsSource(data.fieldsPath, files) : undefined;
    try {
      const total = data.limit > 0 ? Math.min(data.limit, source.count) : source.count;
      if (record.state !== 'ready') {
        const trainRows = Math.min(total, data.trainSize > 0 ? data.trainSize : 50 * record.nlist);
        await trainOnFile(ctx, data.collection, source.path, trainRows);
      }
      const batch = data.batchSize > 0 ? data.batchSize : 10_000;
      let done = Math.min(resumeFrom?.done ?? 0, total);
      await progress(done, total);
      await fields?.skip(done);
      while (done < total) {
        const to = Math.min(total, done + batch);
        const rows = readVectorFile(source.path, { from: done, to });
        const ids = BigInt64Array.from({ length: to - done }, (_, i) => BigInt(data.firstId + done + i));
        const columns = fields ? await fields.next(to - done, record.fields ?? []) : [];
        await serializeWrites(data.collection, async () => {
          const ready = await ctx.catalog.getReady(data.collection, 'Import');
          await upsert(
            ctx,
            ready,
            encodeArray(ids),
            encodeArray(rows.vectors),
            NO_CALLER_DEADLINE,
            columns,
          ).catch((error) => {
            // Rows the collection refuses (a field of the wrong type …) will be refused again.
            throw isInvalidArgument(error) ? permanent(error) : error;
          });
        });
        done = to;
        await progress(done, total);
      }
      return { vectors: total, collection: data.collection, path: data.path };
    } finally {
      await source.release();
      await fields?.release();
    }
  };
}

function isInvalidArgument(error: unknown): boolean {
  return error instanceof RpcError && error.code === grpc.status.INVALID_ARGUMENT;
}
