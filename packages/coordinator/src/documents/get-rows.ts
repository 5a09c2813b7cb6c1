import { type GetRequest__Output, type GetResponse, invalidArgument } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext } from '../context.js';
import { outputFieldsOf } from '../filters/hit-fields.js';
import { decodeIdList } from '../validation.js';
import { fieldsNamed, joinRowBatches, pickRows, toWireRows } from './row-batch.js';
import { readShardRows } from './shard-rows.js';

/** Ids per Get request: each is looked up on every shard. */
export const MAX_GET_IDS = 10_000;

/** Rows by id, in the order asked; ids not stored are left out. */
export async function getRows(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  req: GetRequest__Output,
  deadline: number,
): Promise<GetResponse> {
  const { record } = collection;
  const schema = record.fields ?? [];
  const fields = fieldsNamed(schema, outputFieldsOf(schema, req.outputFields));
  const ids = decodeIdList(req.ids);
  if (ids.length > MAX_GET_IDS) {
    throw invalidArgument(
      `a Get asks for at most ${MAX_GET_IDS} ids, got ${ids.length}: use Query to read many rows`,
    );
  }
  const found = joinRowBatches(
    await readShardRows(ctx, record, { ids }, { fields, withVectors: req.withVectors }, deadline),
    record.dim,
    req.withVectors,
  );
  // Back in request order (each id once: a repeated id is returned once).
  const at = new Map<bigint, number>();
  found.ids.forEach((id, row) => {
    at.set(id, row);
  });
  const order: number[] = [];
  for (const id of ids) {
    const row = at.get(id);
    if (row !== undefined && at.delete(id)) order.push(row);
  }
  return toWireRows(pickRows(found, Int32Array.from(order), record.dim));
}
