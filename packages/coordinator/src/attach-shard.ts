import type * as grpc from '@grpc/grpc-js';
import { metricToEnum } from '@vecshard/proto';
import type { CollectionRecord, ShardPlacement } from './collection-record.js';
import { type CoordinatorContext, shardTarget } from './context.js';

/**
 * Installs a collection's trained, empty template on the worker holding one of
 * its shards, with the lists that shard owns; the shard starts empty. A shard
 * attached `loading` refuses searches until {@link finishLoading}.
 */
export async function attachShard(
  ctx: CoordinatorContext,
  record: Pick<CollectionRecord, 'name' | 'metric'>,
  shard: ShardPlacement,
  template: Uint8Array,
  deadline: grpc.Deadline,
  loading = false,
): Promise<void> {
  await ctx.clients.call(
    shardTarget(ctx, record.name, shard),
    'Attach',
    {
      collection: record.name,
      template,
      metric: metricToEnum(record.metric),
      lists: shard.lists,
      shard: shard.shard,
      loading,
    },
    deadline,
  );
}

/** Lets a shard attached `loading` answer searches: everything it should hold is there. */
export async function finishLoading(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  deadline: grpc.Deadline,
): Promise<void> {
  await ctx.clients.call(
    shardTarget(ctx, collection, shard),
    'FinishLoading',
    { collection, shard: shard.shard },
    deadline,
  );
}
