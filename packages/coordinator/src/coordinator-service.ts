import { type InternalErrorSink, unary, type VecshardHandlers } from '@vecshard/proto';

/** Methods served by the jobs service (jobs/jobs-service.ts). */
type JobMethods =
  | 'Import'
  | 'TrainFromFile'
  | 'Snapshot'
  | 'Restore'
  | 'GetJob'
  | 'WatchJob'
  | 'ListSnapshots';

import {
  clusterStatus,
  createCollection,
  dropCollection,
  getCollection,
  listCollections,
  trainCollection,
} from './collection-admin.js';
import type { CallWithDeadline, CoordinatorContext } from './context.js';
import { deleteIds, prepareUpsert, search, sendUpsert, serializeWrites } from './data-path.js';
import { routingTable } from './routing-table.js';

/** gRPC handlers of vecshard.v1.Vecshard. */
export function coordinatorHandlers(
  ctx: CoordinatorContext,
  onInternal?: InternalErrorSink,
): Omit<VecshardHandlers, JobMethods> {
  return {
    CreateCollection: unary(
      'CreateCollection',
      async (req) => ({ collection: await createCollection(ctx, req) }),
      onInternal,
    ),

    GetCollection: unary(
      'GetCollection',
      async (req) => ({ collection: await getCollection(ctx, req.name, req.includeTemplate) }),
      onInternal,
    ),

    ListCollections: unary(
      'ListCollections',
      async () => ({ collections: await listCollections(ctx) }),
      onInternal,
    ),

    DropCollection: unary(
      'DropCollection',
      async (req, call) => {
        await serializeWrites(req.name, () => dropCollection(ctx, req.name, call));
        return {};
      },
      onInternal,
    ),

    Train: unary(
      'Train',
      async (req, call) => ({
        collection: await serializeWrites(req.collection, () =>
          trainCollection(ctx, req.collection, req.vectors, call),
        ),
      }),
      onInternal,
    ),

    Upsert: unary(
      'Upsert',
      async (req, call) => {
        const prepared = prepareUpsert(
          await ctx.catalog.getReady(req.collection, 'Upsert'),
          req.ids,
          req.vectors,
        );
        const upserted = await serializeWrites(req.collection, async () => {
          const collection = await ctx.catalog.getReady(req.collection, 'Upsert');
          return sendUpsert(ctx, collection, prepared, call);
        });
        return { upserted: String(upserted) };
      },
      onInternal,
    ),

    Delete: unary(
      'Delete',
      async (req, call) => {
        const deleted = await serializeWrites(req.collection, async () => {
          const collection = await ctx.catalog.getReady(req.collection, 'Delete');
          return deleteIds(ctx, collection, req.ids, call);
        });
        return { deleted: String(deleted) };
      },
      onInternal,
    ),

    Search: unary(
      'Search',
      async (req, call: CallWithDeadline) => {
        const collection = await ctx.catalog.getReady(req.collection, 'Search');
        return search(ctx, collection, req.queries, req.k, req.nprobe, call, req.allowPartial);
      },
      onInternal,
    ),

    ClusterStatus: unary('ClusterStatus', async () => clusterStatus(ctx), onInternal),

    GetRoutingTable: unary(
      'GetRoutingTable',
      async (req) => routingTable(ctx, await ctx.catalog.getReady(req.collection, 'GetRoutingTable')),
      onInternal,
    ),
  };
}
