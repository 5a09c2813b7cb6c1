import type { WorkerListContent__Output } from '@vecshard/proto';
import type { ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, replicaTarget, shardTarget, workerDeadline } from '../context.js';
import { withWritesHeld } from '../replicas/hold-writes.js';
import { readyReplicas } from '../replicas/replica-set.js';

/**
 * Moves lists from one shard to another while serving, in the order that
 * keeps every search exact: the new owner's copies take the lists (SetLists)
 * and their content (ExportLists from a ready copy of the old owner →
 * ImportLists); the placement switches, with a new epoch; once no search
 * routed under the old epoch is under way here, the old owner's copies drop
 * the lists. The caller holds the collection's write queue, so no write
 * falls between the copy and the switch. Before the copy, the new owner's id
 * filters take the old owner's (see id-filters.ts). A failure before the switch gives
 * the lists back, and the old placement goes on serving. Resolves to the
 * bytes of list data moved.
 */
export async function moveLists(
  ctx: CoordinatorContext,
  collection: string,
  fromShard: number,
  toShard: number,
  lists: number[],
): Promise<number> {
  const record = await ctx.store.get(collection);
  if (!record) throw new Error(`collection "${collection}" was dropped`);
  const from = record.placement[fromShard];
  const to = record.placement[toShard];
  const moving = new Set(lists);
  let bytes = 0;
  // Other coordinators' writes to the old owner are held from before the copy until the switch:
  // one taken there after its lists were read would be dropped with them.
  const moved = await withWritesHeld(ctx, collection, [fromShard], async (floor) => {
    // The new owner's id filters take the old owner's before any of its ids arrive there, and
    // after writes to the old owner are held: every id the lists can hold is in them (a superset).
    await ctx.idFilters.merge(collection, fromShard, toShard, floor);
    try {
      await setLists(ctx, collection, to, [...to.lists, ...lists]);
      bytes = await copyLists(ctx, collection, record.epoch ?? 0, from, to, lists);
    } catch (error) {
      await setLists(ctx, collection, to, to.lists).catch(() => {});
      throw error;
    }
    // Applied to the record as stored now: copies other coordinators marked catching-up meanwhile stay so.
    return ctx.store.update(collection, (stored) => ({
      ...stored,
      epoch: (stored.epoch ?? 0) + 1,
      placement: stored.placement.map((shard) => {
        if (shard.shard === fromShard) return { ...shard, lists: shard.lists.filter((l) => !moving.has(l)) };
        if (shard.shard === toShard)
          return { ...shard, lists: [...shard.lists, ...lists].sort((a, b) => a - b) };
        return shard;
      }),
    }));
  });
  ctx.catalog.invalidate(collection);
  if (!moved) throw new Error(`collection "${collection}" was dropped`);
  const epoch = (moved.epoch ?? 1) - 1;
  // The old owner's copies stop answering clients that route by the old
  // placement themselves before any write can change the lists it gave up.
  await setLists(ctx, collection, from, from.lists, moved.epoch);
  await searchesRoutedBefore(ctx, collection, epoch);
  await setLists(ctx, collection, from, moved.placement[fromShard].lists, moved.epoch);
  return bytes;
}

/** Tells every ready copy of a shard which lists it owns (and, when given, the placement epoch). */
async function setLists(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  lists: number[],
  epoch = 0,
) {
  await Promise.all(
    readyReplicas(shard).map((replica) =>
      ctx.clients.call(
        replicaTarget(ctx, collection, shard, replica.workerId),
        'SetLists',
        { collection, shard: shard.shard, lists, epoch: String(epoch) },
        workerDeadline(ctx),
      ),
    ),
  );
}

/** Streams the lists from a ready copy of `from` into every ready copy of `to`; resolves to their bytes. */
async function copyLists(
  ctx: CoordinatorContext,
  collection: string,
  /** The placement epoch the move started from: the new owner's copies were attached at or before it. */
  epoch: number,
  from: ShardPlacement,
  to: ShardPlacement,
  lists: number[],
): Promise<number> {
  const source = shardTarget(ctx, collection, from);
  const stream = ctx.clients.stream(source, 'ExportLists', { collection, shard: from.shard, lists });
  const contents: WorkerListContent__Output[] = [];
  for await (const content of stream as AsyncIterable<WorkerListContent__Output>) contents.push(content);
  // The old owner's write sequences for these rows and for the ids it no longer holds: a write
  // older than them that reaches the new owner later (sent again after this move, with its own
  // sequence) is refused there as it would have been here. Writes are held: none changes them.
  const versions = await ctx.clients.call(
    source,
    'ExportVersions',
    { collection, shard: from.shard, lists },
    workerDeadline(ctx),
  );
  await Promise.all(
    readyReplicas(to).map((replica) =>
      ctx.clients.call(
        replicaTarget(ctx, collection, to, replica.workerId),
        'ImportLists',
        { collection, shard: to.shard, lists: contents, epoch: String(epoch), versions },
        workerDeadline(ctx),
      ),
    ),
  );
  return contents.reduce((sum, c) => sum + c.ids.byteLength + c.codes.byteLength, 0);
}

/**
 * Waits until no search routed under `epoch` or earlier is under way here. A
 * turn of the event loop first, so that a search that took the old placement
 * from the catalog just before it changed has counted itself.
 */
export async function searchesRoutedBefore(ctx: CoordinatorContext, collection: string, epoch: number) {
  await new Promise((resolve) => setImmediate(resolve));
  await ctx.searches.drained(collection, epoch);
}
