// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Metric as _vecshard_v1_Metric, Metric__Output as _vecshard_v1_Metric__Output } from '../../vecshard/v1/Metric.js';
import type { Routing as _vecshard_v1_Routing, Routing__Output as _vecshard_v1_Routing__Output } from '../../vecshard/v1/Routing.js';
import type { PlacementPolicy as _vecshard_v1_PlacementPolicy, PlacementPolicy__Output as _vecshard_v1_PlacementPolicy__Output } from '../../vecshard/v1/PlacementPolicy.js';
import type { FieldSchema as _vecshard_v1_FieldSchema, FieldSchema__Output as _vecshard_v1_FieldSchema__Output } from '../../vecshard/v1/FieldSchema.js';

/**
 * Asks for a new collection.
 */
export interface CreateCollectionRequest {
  /**
   * Collection name: 1 to 128 characters from [A-Za-z0-9_.-], starting with a
   * letter or digit.
   */
  'name'?: (string);
  /**
   * Vector dimension, 1..65536.
   */
  'dim'?: (number);
  /**
   * Distance metric; must be set.
   */
  'metric'?: (_vecshard_v1_Metric);
  /**
   * FAISS index factory string of an IVF index, e.g. "IVF1024,Flat",
   * "IVF256,SQ8" or "IVF256,PQ16".
   */
  'index'?: (string);
  /**
   * Lists probed per query when a search does not say; 1..nlist. 0 means 1.
   */
  'nprobe'?: (number);
  /**
   * How many shard workers the collection spreads over; 0 means every live
   * worker at training time. More than the live workers is refused at Train.
   */
  'shards'?: (number);
  /**
   * How vectors and queries are routed; unset means ROUTING_LISTS.
   */
  'routing'?: (_vecshard_v1_Routing);
  /**
   * Copies of every shard, each on a distinct worker; 0 means 1. More than
   * the live workers is refused at Train with FAILED_PRECONDITION.
   */
  'replicationFactor'?: (number);
  /**
   * How lists are grouped into shards; unset means PLACEMENT_POLICY_LOCALITY.
   */
  'placementPolicy'?: (_vecshard_v1_PlacementPolicy);
  /**
   * The typed fields stored with every vector (at most 64; names follow the
   * collection-name rules, and "id" is reserved). Fixed at creation.
   */
  'fields'?: (_vecshard_v1_FieldSchema)[];
  /**
   * The name of a KEYWORD field whose value places rows (tenants): every row
   * of a value lives on one shard (by a hash of the value), each shard holds
   * every inverted list, and a search, Query or Count whose filter fixes the
   * value (a `must` match of one keyword) asks only that shard. Every row must
   * have a value. `routing` is then ignored; Rebalance is refused (DrainWorker
   * moves whole shards). Empty = none.
   */
  'partitionKey'?: (string);
}

/**
 * Asks for a new collection.
 */
export interface CreateCollectionRequest__Output {
  /**
   * Collection name: 1 to 128 characters from [A-Za-z0-9_.-], starting with a
   * letter or digit.
   */
  'name': (string);
  /**
   * Vector dimension, 1..65536.
   */
  'dim': (number);
  /**
   * Distance metric; must be set.
   */
  'metric': (_vecshard_v1_Metric__Output);
  /**
   * FAISS index factory string of an IVF index, e.g. "IVF1024,Flat",
   * "IVF256,SQ8" or "IVF256,PQ16".
   */
  'index': (string);
  /**
   * Lists probed per query when a search does not say; 1..nlist. 0 means 1.
   */
  'nprobe': (number);
  /**
   * How many shard workers the collection spreads over; 0 means every live
   * worker at training time. More than the live workers is refused at Train.
   */
  'shards': (number);
  /**
   * How vectors and queries are routed; unset means ROUTING_LISTS.
   */
  'routing': (_vecshard_v1_Routing__Output);
  /**
   * Copies of every shard, each on a distinct worker; 0 means 1. More than
   * the live workers is refused at Train with FAILED_PRECONDITION.
   */
  'replicationFactor': (number);
  /**
   * How lists are grouped into shards; unset means PLACEMENT_POLICY_LOCALITY.
   */
  'placementPolicy': (_vecshard_v1_PlacementPolicy__Output);
  /**
   * The typed fields stored with every vector (at most 64; names follow the
   * collection-name rules, and "id" is reserved). Fixed at creation.
   */
  'fields': (_vecshard_v1_FieldSchema__Output)[];
  /**
   * The name of a KEYWORD field whose value places rows (tenants): every row
   * of a value lives on one shard (by a hash of the value), each shard holds
   * every inverted list, and a search, Query or Count whose filter fixes the
   * value (a `must` match of one keyword) asks only that shard. Every row must
   * have a value. `routing` is then ignored; Rebalance is refused (DrainWorker
   * moves whole shards). Empty = none.
   */
  'partitionKey': (string);
}
