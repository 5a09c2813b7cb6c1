import {
  decodeColumns,
  decodeFloats,
  type FieldSpec,
  type Filter__Output,
  type WorkerReadRowsRequest,
} from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';
import type { CoordinatorContext } from '../context.js';
import { tenantShardOfFilter } from '../filters/tenant-filter.js';
import { decodeIdList } from '../validation.js';
import type { RowBatch } from './row-batch.js';

/** What to read of each row. */
export interface RowOutput {
  /** The fields to return, checked against the schema. */
  fields: FieldSpec[];
  withVectors: boolean;
}

/** Rows to read on every shard: by id, or those matching a filter after a cursor. */
export type RowSelection =
  | { ids: BigInt64Array }
  | { filter?: Filter__Output; after?: bigint; limit: number };

/**
 * Reads rows on every shard of the collection, from one ready copy each:
 * under list routing any shard may hold a given id. Resolves to each
 * shard's rows in shard order.
 */
export async function readShardRows(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  selection: RowSelection,
  output: RowOutput,
  deadline: number,
): Promise<RowBatch[]> {
  const request: Omit<WorkerReadRowsRequest, 'shard'> = {
    collection: record.name,
    outputFields: output.fields.map((field) => field.name),
    withVectors: output.withVectors,
    ...('ids' in selection
      ? { ids: Buffer.from(selection.ids.buffer, selection.ids.byteOffset, selection.ids.byteLength) }
      : {
          filter: selection.filter ?? null,
          hasAfter: selection.after !== undefined,
          after: String(selection.after ?? 0n),
          limit: selection.limit,
        }),
  };
  // A filter that fixes the tenant of a partitioned collection reads its one shard.
  const only = 'ids' in selection ? undefined : tenantShardOfFilter(record, selection.filter);
  const shards = only === undefined ? record.placement : [record.placement[only]];
  return Promise.all(
    shards.map(async (shard) => {
      const answer = await ctx.reads.read(ctx, record.name, shard, (target, signal) =>
        ctx.clients.call(target, 'ReadRows', { ...request, shard: shard.shard }, deadline, signal),
      );
      const ids = decodeIdList(answer.ids, 'shard row ids');
      return {
        ids,
        vectors: output.withVectors ? decodeFloats(answer.vectors, 'shard row vectors') : undefined,
        columns: decodeColumns(output.fields, answer.fields, ids.length),
      };
    }),
  );
}
