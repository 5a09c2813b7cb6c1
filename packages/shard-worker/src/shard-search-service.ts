import {
  decodeFloats,
  decodeIds,
  encodeArray,
  type InternalErrorSink,
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
        const result = await wire(() =>
          shard.searchDirect(
            decodeFloats(req.queries, 'queries'),
            req.k,
            {
              lists: decodeIds(req.lists, 'lists'),
              distances: decodeFloats(req.centroidDistances, 'centroid distances'),
            },
            { epoch: BigInt(req.epoch), quantizer: req.quantizerDigest },
          ),
        );
        return { ids: encodeArray(result.labels), distances: encodeArray(result.distances) };
      },
      onInternal,
    ),
  };
}
