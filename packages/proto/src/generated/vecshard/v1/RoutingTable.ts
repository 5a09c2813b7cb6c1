// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Metric as _vecshard_v1_Metric, Metric__Output as _vecshard_v1_Metric__Output } from '../../vecshard/v1/Metric.js';
import type { Routing as _vecshard_v1_Routing, Routing__Output as _vecshard_v1_Routing__Output } from '../../vecshard/v1/Routing.js';
import type { RoutingShard as _vecshard_v1_RoutingShard, RoutingShard__Output as _vecshard_v1_RoutingShard__Output } from '../../vecshard/v1/RoutingShard.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Everything a client needs to route a search itself, as of one placement epoch.
 */
export interface RoutingTable {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Vector dimension.
   */
  'dim'?: (number);
  /**
   * Distance metric.
   */
  'metric'?: (_vecshard_v1_Metric);
  /**
   * Number of inverted lists.
   */
  'nlist'?: (number);
  /**
   * Default lists probed per query.
   */
  'nprobe'?: (number);
  /**
   * Routing mode (only ROUTING_LISTS can be searched directly).
   */
  'routing'?: (_vecshard_v1_Routing);
  /**
   * The coarse quantizer's centroids: nlist·dim float32 LE, row-major.
   */
  'centroids'?: (Buffer | Uint8Array | string);
  /**
   * Placement epoch: changes whenever lists or copies move.
   */
  'epoch'?: (number | string | Long);
  /**
   * The shards, in shard order.
   */
  'shards'?: (_vecshard_v1_RoutingShard)[];
  /**
   * Whether a client may assign queries itself: the quantizer is a flat
   * (exact) index and the lists' encoding does not use the coarse distances
   * (IVF-Flat). When false, search through the coordinator.
   */
  'clientAssignable'?: (boolean);
  /**
   * sha256 of `centroids`: names the trained quantizer, so a worker holding
   * a collection trained again (or dropped and created again) under the same
   * name refuses searches routed by the old one.
   */
  'quantizerDigest'?: (Buffer | Uint8Array | string);
  /**
   * The collection's partition key (empty: none). A search whose filter fixes
   * the key (must: match key == one value) asks only the tenant's shard:
   * FNV-1a of the value's UTF-8 bytes modulo the shard count.
   */
  'partitionKey'?: (string);
}

/**
 * Everything a client needs to route a search itself, as of one placement epoch.
 */
export interface RoutingTable__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Vector dimension.
   */
  'dim': (number);
  /**
   * Distance metric.
   */
  'metric': (_vecshard_v1_Metric__Output);
  /**
   * Number of inverted lists.
   */
  'nlist': (number);
  /**
   * Default lists probed per query.
   */
  'nprobe': (number);
  /**
   * Routing mode (only ROUTING_LISTS can be searched directly).
   */
  'routing': (_vecshard_v1_Routing__Output);
  /**
   * The coarse quantizer's centroids: nlist·dim float32 LE, row-major.
   */
  'centroids': (Buffer);
  /**
   * Placement epoch: changes whenever lists or copies move.
   */
  'epoch': (string);
  /**
   * The shards, in shard order.
   */
  'shards': (_vecshard_v1_RoutingShard__Output)[];
  /**
   * Whether a client may assign queries itself: the quantizer is a flat
   * (exact) index and the lists' encoding does not use the coarse distances
   * (IVF-Flat). When false, search through the coordinator.
   */
  'clientAssignable': (boolean);
  /**
   * sha256 of `centroids`: names the trained quantizer, so a worker holding
   * a collection trained again (or dropped and created again) under the same
   * name refuses searches routed by the old one.
   */
  'quantizerDigest': (Buffer);
  /**
   * The collection's partition key (empty: none). A search whose filter fixes
   * the key (must: match key == one value) asks only the tenant's shard:
   * FNV-1a of the value's UTF-8 bytes modulo the shard count.
   */
  'partitionKey': (string);
}
