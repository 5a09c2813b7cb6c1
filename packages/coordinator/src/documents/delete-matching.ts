import { encodeArray, type Filter__Output } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CallWithDeadline, CoordinatorContext } from '../context.js';
import { workerDeadline } from '../context.js';
import { deleteIds } from '../data-path.js';
import type { WriteNumber } from '../write-sequence.js';
import { joinRowBatches } from './row-batch.js';
import { readShardRows } from './shard-rows.js';

/**
 * Removes every row matching a filter; resolves to the exact number removed.
 * The filter is turned into ids first and those are deleted like any ids, so
 * the write log and every copy see an ordinary delete. Callers hold the
 * collection's write queue, so no write of this coordinator falls between.
 */
export async function deleteMatching(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  filter: Filter__Output,
  call: CallWithDeadline,
  writeNumber?: WriteNumber,
): Promise<number> {
  const { record } = collection;
  const batches = await readShardRows(
    ctx,
    record,
    { filter, limit: 0 },
    { fields: [], withVectors: false },
    workerDeadline(ctx, call),
  );
  const { ids } = joinRowBatches(batches, record.dim, false);
  if (ids.length === 0) return 0;
  return deleteIds(ctx, collection, encodeArray(ids), call, writeNumber);
}
