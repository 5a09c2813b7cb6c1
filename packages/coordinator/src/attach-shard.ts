import type * as grpc from '@grpc/grpc-js';
import { metricToEnum, schemaToWire } from '@vecshard/proto';
import type { CollectionRecord, ShardPlacement } from './collection-record.js';
import { type CoordinatorContext, replicaTarget } from './context.js';

/** What a worker is told of the collection, its schema included. */
type AttachedRecord = Pick<CollectionRecord, 'name' | 'metric' | 'epoch' | 'fields'>;

/**
 * Installs a collection's trained, empty template on the worker holding one
 * copy of one of its shards, with the lists that shard owns; the copy starts
 * empty. A copy attached `loading` refuses searches until {@link finishLoading}.
 */
export async function attachReplica(
  ctx: CoordinatorContext,
  record: AttachedRecord,
  shard: ShardPlacement,
  workerId: string,
  template: Uint8Array,
  deadline: grpc.Deadline,
  loading = false,
): Promise<void> {
  await ctx.clients.call(
    replicaTarget(ctx, record.name, shard, workerId),
    'Attach',
    {
      collection: record.name,
      template,
      metric: metricToEnum(record.metric),
      lists: shard.lists,
      shard: shard.shard,
      loading,
      epoch: String(record.epoch ?? 0),
      fields: schemaToWire(record.fields ?? []),
    },
    deadline,
  );
}

/** Attaches every copy of a shard. */
export async function attachReplicas(
  ctx: CoordinatorContext,
  record: AttachedRecord,
  shard: ShardPlacement,
  template: Uint8Array,
  deadline: grpc.Deadline,
): Promise<void> {
  await Promise.all(
    shard.replicas.map((replica) => attachReplica(ctx, record, shard, replica.workerId, template, deadline)),
  );
}

/** Lets a copy attached `loading` answer searches: everything it should hold is there. */
export async function finishLoading(
  ctx: CoordinatorContext,
  collection: string,
  shard: ShardPlacement,
  workerId: string,
  deadline: grpc.Deadline,
): Promise<void> {
  await ctx.clients.call(
    replicaTarget(ctx, collection, shard, workerId),
    'FinishLoading',
    { collection, shard: shard.shard },
    deadline,
  );
}
