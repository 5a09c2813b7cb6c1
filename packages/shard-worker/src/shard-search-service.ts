import {
  decodeFloats,
  decodeIds,
  encodeArray,
  type InternalErrorSink,
  invalidArgument,
  placementMoved,
  type ShardSearchHandlers,
  unary,
} from '@vecshard/proto';
import { type ShardRegistry, shardKey, wire } from './shard-worker-service.js';

/**
 * gRPC handlers of vecshard.v1.ShardSearch: searches from clients that route
 * by a routing table of their own (one hop, no coordinator). A shard this
 * worker does not hold answers "placement moved", like a list it does not
 * own, so the client routes again by a fresh table.
 */
export function shardSearchHandlers(
  registry: ShardRegistry,
  onInternal?: InternalErrorSink,
): ShardSearchHandlers {
  return {
    SearchLists: unary(
      'SearchLists',
      async (req) => {
        const shard = registry.get(shardKey(req.collection, req.shard));
        if (!shard) throw placementMoved(`shard ${req.shard} of "${req.collection}" is not held here`);
        // Widening nprobe needs every shard's counts: one hop serves only what a shard plans alone.
        if (req.filter && (!(req.exactShare > 0) || req.lists.length > 0))
          throw invalidArgument('a filtered one-hop search takes an exact_share and no lists');
        const result = await wire(() =>
          shard.searchDirect(
            decodeFloats(req.queries, 'queries'),
            req.k,
            {
              lists: decodeIds(req.lists, 'lists'),
              distances: decodeFloats(req.centroidDistances, 'centroid distances'),
            },
            { epoch: BigInt(req.epoch), quantizer: req.quantizerDigest },
            // A filter is served only as a shard plans it alone (no output fields one hop).
            req.filter ? { filter: req.filter, exactShare: req.exactShare, listCounts: false } : {},
          ),
        );
        return {
          ids: encodeArray(result.labels),
          distances: encodeArray(result.distances),
          declined: result.plannedAlone?.searched === false,
        };
      },
      onInternal,
    ),
  };
}
