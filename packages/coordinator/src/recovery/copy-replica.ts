import type { WorkerListContent__Output } from '@vecshard/proto';
import { attachReplica, finishLoading } from '../attach-shard.js';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, replicaTarget, workerDeadline } from '../context.js';
import { ImportBatch } from '../snapshots/import-batch.js';

/**
 * Fills one copy of a shard from a ready copy on another worker: the template
 * attached loading, every owned list streamed from the peer (one at a time)
 * and imported in batches, then searches allowed. Writes must not reach the
 * shard meanwhile (the caller holds the collection's write queue), so the copy
 * ends identical to the peer. Resolves to the vectors copied.
 */
export async function copyReplica(
  ctx: CoordinatorContext,
  record: CollectionRecord,
  shard: ShardPlacement,
  fromWorkerId: string,
  toWorkerId: string,
): Promise<number> {
  const template = await ctx.store.template(record.name);
  if (!template) throw new Error(`collection "${record.name}" has no template index`);
  await attachReplica(ctx, record, shard, toWorkerId, template, workerDeadline(ctx), true);
  const source = replicaTarget(ctx, record.name, shard, fromWorkerId);
  const batch = new ImportBatch(ctx, record.name, record.epoch ?? 0, shard, toWorkerId);
  const stream = ctx.clients.stream(source, 'ExportLists', {
    collection: record.name,
    shard: shard.shard,
    lists: [],
  });
  for await (const content of stream as AsyncIterable<WorkerListContent__Output>) {
    if (content.ids.byteLength > 0) await batch.add(content);
  }
  const vectors = await batch.flush();
  // The peer's write sequences: a write older than them, sent again after this refill with its
  // own sequence, is refused by the new copy as by its peers. Writes are held: none changes them.
  const versions = await ctx.clients.call(
    source,
    'ExportVersions',
    { collection: record.name, shard: shard.shard, lists: [] },
    workerDeadline(ctx),
  );
  await ctx.clients.call(
    replicaTarget(ctx, record.name, shard, toWorkerId),
    'ImportLists',
    { collection: record.name, shard: shard.shard, lists: [], epoch: String(record.epoch ?? 0), versions },
    workerDeadline(ctx),
  );
  await finishLoading(ctx, record.name, shard, toWorkerId, workerDeadline(ctx));
  return vectors;
}
