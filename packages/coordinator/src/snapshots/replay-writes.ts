import {
  decodeFieldRows,
  decodeFloats,
  decodeIds,
  encodeArray,
  encodeColumns,
  sliceColumns,
} from '@vecshard/proto';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, replicaTarget, workerDeadline } from '../context.js';
import { rowShards } from '../data-path.js';
import { listOwners } from '../placement/list-placement.js';
import { groupVectorsByShard } from '../routing.js';
import type { LoggedWrite } from '../write-log.js';

/**
 * Applies logged writes, oldest first, to one copy of one shard, as the data path applied
 * them when they were acknowledged: vectors assigned to lists by the
 * collection's quantizer, this shard's rows added with the whole batch's ids
 * replaced (list routing), deletes passed on, each with the sequence it took
 * (logs written before sequences were logged replay as sequence 0, applied
 * unconditionally): the copy ends with the rows' versions of the writes
 * since the snapshot, so a bulk import's batch sent again after the copy
 * restarted cannot undo an acknowledged write. Resolves to the writes applied.
 */
export async function replayWrites(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  shard: ShardPlacement,
  workerId: string,
  writes: AsyncIterable<LoggedWrite>,
): Promise<number> {
  const { template } = await ctx.catalog.getReady(record.name, 'Recover');
  const owners = listOwners(
    record.placement.map((s) => s.lists),
    record.nlist,
  );
  const shardCount = record.placement.length;
  const target = replicaTarget(ctx, record.name, shard, workerId);
  let applied = 0;
  for await (const write of writes) {
    if (write.op === 'delete') {
      await ctx.clients.call(
        target,
        'Delete',
        {
          collection: record.name,
          shard: shard.shard,
          ids: write.ids,
          epoch: String(record.epoch ?? 0),
          seq: write.seq,
        },
        workerDeadline(ctx),
      );
    } else {
      const ids = decodeIds(write.ids);
      const vectors = decodeFloats(write.vectors);
      const columns =
        write.fields && record.fields ? decodeFieldRows(record.fields, write.fields).columns : undefined;
      const { lists } = await template.assign(vectors, 1);
      const shardOf = rowShards(record, owners, ids, lists, columns);
      const mine = groupVectorsByShard(ids, vectors, lists, record.dim, shardOf, shardCount).find(
        (group) => group.shard === shard.shard,
      );
      const movable = record.routing === 'lists' || record.partitionKey !== undefined;
      if (mine || movable) {
        await ctx.clients.call(
          target,
          'AddPreassigned',
          {
            collection: record.name,
            shard: shard.shard,
            ids: mine ? encodeArray(mine.ids) : Buffer.alloc(0),
            vectors: mine ? encodeArray(mine.vectors) : Buffer.alloc(0),
            lists: mine ? encodeArray(mine.lists) : Buffer.alloc(0),
            replaceIds: movable ? write.ids : Buffer.alloc(0),
            fields: mine && columns ? encodeColumns(sliceColumns(columns, mine.rows)) : [],
            epoch: String(record.epoch ?? 0),
            seq: write.seq,
          },
          workerDeadline(ctx),
        );
      }
    }
    applied++;
  }
  return applied;
}
