import { type InternalErrorSink, invalidArgument, unary, type VecshardHandlers } from '@vecshard/proto';

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
import { workerDeadline } from './context.js';
import { deleteIds, prepareUpsert, search, sendUpsert, serializeWrites } from './data-path.js';
import { countRows } from './documents/count-rows.js';
import { deleteMatching } from './documents/delete-matching.js';
import { getRows } from './documents/get-rows.js';
import { queryRows } from './documents/query-rows.js';
import { resolveFilter } from './filters/filter-request.js';
import { retryFencedWrite } from './replicas/fenced-retry.js';
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
          req.fields,
        );
        // Every attempt of this write carries one sequence number (write-sequence.ts).
        const writeNumber = ctx.writeSequence.numberOnce(req.collection);
        const upserted = await serializeWrites(req.collection, () =>
          retryFencedWrite(ctx, req.collection, workerDeadline(ctx, call), async () => {
            const collection = await ctx.catalog.getReady(req.collection, 'Upsert');
            return sendUpsert(ctx, collection, prepared, call, writeNumber);
          }),
        );
        return { upserted: String(upserted) };
      },
      onInternal,
    ),

    Delete: unary(
      'Delete',
      async (req, call) => {
        const writeNumber = ctx.writeSequence.numberOnce(req.collection);
        const deleted = await serializeWrites(req.collection, () =>
          retryFencedWrite(ctx, req.collection, workerDeadline(ctx, call), async () => {
            const collection = await ctx.catalog.getReady(req.collection, 'Delete');
            const filter = resolveFilter(req, collection.record.fields ?? []);
            if (!filter) return deleteIds(ctx, collection, req.ids, call, writeNumber);
            if (req.ids.length > 0) throw invalidArgument('delete by ids or by a filter, not both');
            return deleteMatching(ctx, collection, filter, call, writeNumber);
          }),
        );
        return { deleted: String(deleted) };
      },
      onInternal,
    ),

    Search: unary(
      'Search',
      async (req, call: CallWithDeadline) => {
        const collection = await ctx.catalog.getReady(req.collection, 'Search');
        const filter = resolveFilter(req, collection.record.fields ?? []);
        return search(ctx, collection, req.queries, req.k, req.nprobe, call, req.allowPartial, {
          filter,
          outputFields: req.outputFields,
        });
      },
      onInternal,
    ),

    Get: unary(
      'Get',
      async (req, call: CallWithDeadline) => {
        const collection = await ctx.catalog.getReady(req.collection, 'Get');
        return getRows(ctx, collection, req, workerDeadline(ctx, call));
      },
      onInternal,
    ),

    Query: unary(
      'Query',
      async (req, call: CallWithDeadline) => {
        const collection = await ctx.catalog.getReady(req.collection, 'Query');
        const filter = resolveFilter(req, collection.record.fields ?? []);
        return queryRows(ctx, collection, req, filter, workerDeadline(ctx, call));
      },
      onInternal,
    ),

    Count: unary(
      'Count',
      async (req, call: CallWithDeadline) => {
        const collection = await ctx.catalog.getReady(req.collection, 'Count');
        const filter = resolveFilter(req, collection.record.fields ?? []);
        return { count: String(await countRows(ctx, collection, filter, workerDeadline(ctx, call))) };
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
