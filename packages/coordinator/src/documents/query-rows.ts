import {
  type Filter__Output,
  invalidArgument,
  type QueryRequest__Output,
  type QueryResponse,
} from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext } from '../context.js';
import { outputFieldsOf } from '../filters/hit-fields.js';
import { fieldsNamed, joinRowBatches, pickRows, toWireRows } from './row-batch.js';
import { readShardRows } from './shard-rows.js';

export const DEFAULT_QUERY_LIMIT = 100;
export const MAX_QUERY_LIMIT = 10_000;
const CURSOR_PREFIX = 'after:';

/**
 * One page of the rows matching a filter, by ascending id. The cursor is the
 * last id returned, so a page never repeats an id and every row that exists
 * from the first page to the last is returned exactly once, whatever writes
 * go on meanwhile (rows written or removed during the paging may or may not
 * appear, as of when their page is read).
 */
export async function queryRows(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  req: QueryRequest__Output,
  filter: Filter__Output | undefined,
  deadline: number,
): Promise<QueryResponse> {
  const { record } = collection;
  const schema = record.fields ?? [];
  const fields = fieldsNamed(schema, outputFieldsOf(schema, req.outputFields));
  const limit = req.limit || DEFAULT_QUERY_LIMIT;
  if (limit > MAX_QUERY_LIMIT) {
    throw invalidArgument(`limit must be at most ${MAX_QUERY_LIMIT} rows per page, got ${limit}`);
  }
  const after = parseCursor(req.cursor);
  // Each shard's first `limit + 1` rows: together they hold the page and say whether more follow.
  const batches = await readShardRows(
    ctx,
    record,
    { filter, after, limit: limit + 1 },
    { fields, withVectors: req.withVectors },
    deadline,
  );
  const all = joinRowBatches(batches, record.dim, req.withVectors);
  const order = Int32Array.from(all.ids.keys()).sort((a, b) =>
    all.ids[a] < all.ids[b] ? -1 : all.ids[a] > all.ids[b] ? 1 : 0,
  );
  const page = order.subarray(0, limit);
  const rows = pickRows(all, page, record.dim);
  const more = order.length > limit;
  return {
    ...toWireRows(rows),
    nextCursor: more && rows.ids.length > 0 ? `${CURSOR_PREFIX}${rows.ids[rows.ids.length - 1]}` : '',
  };
}

function parseCursor(cursor: string): bigint | undefined {
  if (!cursor) return undefined;
  const text = cursor.startsWith(CURSOR_PREFIX) ? cursor.slice(CURSOR_PREFIX.length) : '';
  if (!/^-?\d{1,20}$/.test(text)) {
    throw invalidArgument(`cursor "${cursor}" is not one this cluster gave: pass a next_cursor unchanged`);
  }
  return BigInt(text);
}
