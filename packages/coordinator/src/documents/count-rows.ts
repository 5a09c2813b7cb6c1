import type { Filter__Output } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext } from '../context.js';
import { matchCounts } from '../filters/filtered-routing.js';
import { tenantShardOfFilter } from '../filters/tenant-filter.js';

/** The exact number of rows matching a filter (every row without one), counted by every shard's bitmaps. */
export async function countRows(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  filter: Filter__Output | undefined,
  deadline: number,
): Promise<number> {
  const { record } = collection;
  const only = tenantShardOfFilter(record, filter);
  return (await matchCounts(ctx, record, filter, false, deadline, only)).counts.total;
}
