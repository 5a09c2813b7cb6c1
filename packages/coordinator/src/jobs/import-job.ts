import * as grpc from '@grpc/grpc-js';
import { readVectorFile } from '@vecshard/datasets';
import { encodeArray, RpcError } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import { type PreparedUpsert, prepareUpsert, sendUpsert, serializeWrites } from '../data-path.js';
import { loadingNow } from '../recovery/collection-loading.js';
import type { WriteNumber } from '../write-sequence.js';
import type { ImportJobData, JobProcessor, SnapshotJobData } from './job-kinds.js';
import { permanent } from './job-queue.js';
import { openFieldsSource } from './open-fields-source.js';
import { RetryLater } from './retry-later.js';
import { trainOnFile } from './train-job.js';
import { type JobFiles, jobCollection, NO_CALLER_DEADLINE, openVectorSource } from './vector-source.js';

/** Bytes of vectors per import batch when the job names no batch size. */
export const IMPORT_BATCH_BYTES = 32 * 1024 * 1024;
/** Rows per import batch at most when the job names no batch size. */
const IMPORT_BATCH_ROWS = 50_000;

/** Rows per batch: the job's, else about IMPORT_BATCH_BYTES of vectors. */
export function importBatchRows(batchSize: number, dim: number): number {
  if (batchSize > 0) return batchSize;
  return Math.max(1000, Math.min(IMPORT_BATCH_ROWS, Math.floor(IMPORT_BATCH_BYTES / (4 * dim))));
}

/** What an import keeps across its attempts (in its job's progress). */
export interface ImportKept {
  /** Each batch's write number (sequence and id-filter incarnation), by batch index, once taken. */
  batches: { seq: string; filters: string }[];
  /** Rows a snapshot has made durable: the whole file once the import's snapshot is committed, else 0. */
  durable: number;
  /** The collection's copies the rows were sent to: shard, worker and its start, each (see copiesNow). */
  copies?: string;
}

/**
 * Every copy of the collection's shards as `shard/worker@started`: an
 * attempt that finds the same as the earlier ones goes on where they
 * stopped; any change (a worker restarted, a copy re-placed or refilled)
 * means rows they sent may be lost, and the file is sent again from its start.
 */
async function copiesNow(ctx: CoordinatorContext, collection: string): Promise<string> {
  await ctx.workers.refresh();
  ctx.catalog.invalidate(collection);
  const { record } = await ctx.catalog.get(collection);
  return record.placement
    .flatMap((shard) =>
      shard.replicas.map(
        (r) =>
          `${shard.shard}/${r.workerId}@${ctx.workers.get(r.workerId)?.startedAtMs ?? 'gone'}:${r.state}`,
      ),
    )
    .sort()
    .join(',');
}

/**
 * A bulk import: reads a vector file in large batches and writes row i with
 * id firstId + i straight to the shards, training the collection on the
 * leading rows first when it is untrained.
 *
 * Each batch is routed as an upsert is (by list, to every copy of the
 * owning shard; its ids set in the shards' id filters before it takes its
 * write sequence, and removed from the shards that may hold an older vector
 * of them), but it is not appended to the write log: the import ends with a
 * snapshot of the collection, and the job is done only once that snapshot is
 * committed. The next batch is read and assigned to lists while the shards
 * store the previous one.
 *
 * The guarantee. Until its snapshot, an import's rows live only in the
 * copies' memory. An import that dies before the snapshot (its coordinator,
 * a worker, a copy) is resumed by the job's next attempt: from the start of
 * the file, the last point known durable, when a copy it wrote to changed
 * since (copiesNow), else where the last attempt stopped. Every batch is
 * sent with the write sequence it took the first time (kept in the job's
 * progress, saved before any shard sees the batch). Rows the first attempt stored are
 * replaced by themselves; rows a restarted copy lost are stored again; and a
 * row that an upsert or delete acknowledged during the import changed since
 * keeps that write, because the acknowledged write took a later sequence and
 * the copies' row versions refuse the older batch (a copy rebuilt from the
 * last snapshot and the write log regains those versions: logged writes
 * carry their sequence). The id filters are only ever set, so later upserts
 * of imported ids find every shard that may hold them. What an unfinished
 * import leaves visible is the file's rows under their own ids, never an
 * older value over a newer acknowledged one; should the job fail for good
 * (every attempt used), the rows stay as plain upserted rows that the next
 * snapshot makes durable, and the import can be run again.
 */
export function importProcessor(
  ctx: CoordinatorContext,
  files: JobFiles,
  snapshot?: JobProcessor<SnapshotJobData>,
): JobProcessor<ImportJobData> {
  const run = importAttempt(ctx, files, snapshot);
  return async (data, progress, resumeFrom) => {
    try {
      const result = await run(data, progress, resumeFrom);
      return result;
    } catch (error) {
      if ((error as { permanent?: boolean }).permanent) throw error;
      // A copy lost mid-import (its worker restarted) is refilled by a job that needs this
      // coordinator's job slot: the import waits in the queue for it, without using up an attempt.
      const record = await ctx.store.get(data.collection).catch(() => undefined);
      const why = record ? await loadingNow(ctx, record).catch(() => undefined) : undefined;
      const since = data.refillWaitSinceMs ?? Date.now();
      if (why && Date.now() - since < ctx.moveWaitForRefillMs) {
        throw new RetryLater(`import waits for its collection's refill: ${why}`, REFILL_LOOK_AGAIN_MS, {
          ...data,
          refillWaitSinceMs: since,
        });
      }
      throw error;
    }
  };
}

/** How often an import waiting for its collection's refill looks again. */
const REFILL_LOOK_AGAIN_MS = 2000;

/** One attempt of an import (see importProcessor). */
function importAttempt(
  ctx: CoordinatorContext,
  files: JobFiles,
  snapshot?: JobProcessor<SnapshotJobData>,
): JobProcessor<ImportJobData> {
  return async (data, progress, resumeFrom) => {
    const { record } = await jobCollection(ctx, data.collection);
    const source = await openVectorSource(data.path, record.dim, data.collection, files);
    const fields = data.fieldsPath ? await openFieldsSource(data.fieldsPath, files) : undefined;
    try {
      const total = data.limit > 0 ? Math.min(data.limit, source.count) : source.count;
      const previous = resumeFrom?.kept as ImportKept | undefined;
      const kept: ImportKept = {
        batches: [...(previous?.batches ?? [])],
        durable: previous?.durable ?? 0,
        copies: previous?.copies,
      };
      const result = { vectors: total, collection: data.collection, path: data.path };
      if (kept.durable >= total && total > 0) return result;
      if (record.state !== 'ready') {
        const trainRows = Math.min(total, data.trainSize > 0 ? data.trainSize : 50 * record.nlist);
        await trainOnFile(ctx, data.collection, source.path, trainRows);
      }
      const batch = importBatchRows(data.batchSize, record.dim);
      // From the start of the file, unless every copy is the one the first attempt wrote to (same
      // workers, none restarted, re-placed or refilled since): then nothing stored was lost. Once
      // a copy changed, every later attempt starts from the first row too (a copy refilled
      // meanwhile may have lost what an attempt after the change stored).
      const copies = await copiesNow(ctx, data.collection);
      kept.copies ??= copies;
      let done = kept.copies === copies ? Math.min(total, resumeFrom?.done ?? 0) : 0;
      const report = () => progress(done, total, undefined, { ...kept, batches: [...kept.batches] });
      await report();
      await fields?.skip(done);

      /** Stores one batch on every copy of its shards, unlogged, with the batch's write number. */
      const sendBatch = (index: number, prepared: PreparedUpsert) =>
        serializeWrites(data.collection, async () => {
          const ready = await ctx.catalog.getReady(data.collection, 'Import');
          const number = ctx.writeSequence.numberOnce(data.collection);
          const known = kept.batches[index];
          if (known) {
            number.seq = known.seq;
            number.filters = known.filters;
          }
          await sendUpsert(ctx, ready, prepared, NO_CALLER_DEADLINE, number, {
            unlogged: true,
            // A copy slower than its peer at storing a large batch is not behind: it is not marked.
            lagFloorMs: ctx.workerTimeoutMs,
            numbered: async (taken: WriteNumber) => {
              if (kept.batches[index]) return;
              kept.batches[index] = { seq: taken.seq ?? '', filters: taken.filters ?? '' };
              // Saved before any shard sees the batch: a later attempt sends it with this number.
              await report();
            },
          }).catch((error) => {
            // Rows the collection refuses (a field of the wrong type …) will be refused again.
            throw isInvalidArgument(error) ? permanent(error) : error;
          });
        });

      let sending: Promise<void> | undefined;
      try {
        for (let index = done / batch, from = done; from < total; index++, from += batch) {
          const to = Math.min(total, from + batch);
          const rows = readVectorFile(source.path, { from, to });
          const ids = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(data.firstId + from + i));
          const columns = fields ? await fields.next(to - from, record.fields ?? []) : [];
          // Assigned to lists now, while the shards store the batch before it.
          const ready = await ctx.catalog.getReady(data.collection, 'Import');
          const prepared = prepareUpsert(ready, encodeArray(ids), encodeArray(rows.vectors), columns);
          await sending;
          sending = sendBatch(index, prepared).then(async () => {
            done = to;
            await report();
          });
          // Not unhandled while the next batch is read; awaited above or below.
          sending.catch(() => {});
        }
        await sending;
      } finally {
        // No batch outlives the attempt that sent it.
        await sending?.catch(() => {});
      }
      if (!snapshot) return result;
      const taken = await snapshot(
        { kind: 'snapshot', collection: data.collection },
        async () => {},
        undefined,
      );
      kept.durable = total;
      await report();
      return { ...result, snapshotId: taken.snapshotId };
    } finally {
      await source.release();
      await fields?.release();
    }
  };
}

function isInvalidArgument(error: unknown): boolean {
  return error instanceof RpcError && error.code === grpc.status.INVALID_ARGUMENT;
}
