// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Metric as _vecshard_v1_Metric, Metric__Output as _vecshard_v1_Metric__Output } from '../../vecshard/v1/Metric.js';
import type { Routing as _vecshard_v1_Routing, Routing__Output as _vecshard_v1_Routing__Output } from '../../vecshard/v1/Routing.js';
import type { CollectionState as _vecshard_v1_CollectionState, CollectionState__Output as _vecshard_v1_CollectionState__Output } from '../../vecshard/v1/CollectionState.js';
import type { ShardInfo as _vecshard_v1_ShardInfo, ShardInfo__Output as _vecshard_v1_ShardInfo__Output } from '../../vecshard/v1/ShardInfo.js';
import type { PlacementPolicy as _vecshard_v1_PlacementPolicy, PlacementPolicy__Output as _vecshard_v1_PlacementPolicy__Output } from '../../vecshard/v1/PlacementPolicy.js';
import type { FieldSchema as _vecshard_v1_FieldSchema, FieldSchema__Output as _vecshard_v1_FieldSchema__Output } from '../../vecshard/v1/FieldSchema.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Everything known about a collection.
 */
export interface CollectionInfo {
  /**
   * Collection name.
   */
  'name'?: (string);
  /**
   * Vector dimension.
   */
  'dim'?: (number);
  /**
   * Distance metric.
   */
  'metric'?: (_vecshard_v1_Metric);
  /**
   * FAISS index factory string.
   */
  'index'?: (string);
  /**
   * Default lists probed per query.
   */
  'nprobe'?: (number);
  /**
   * Shards requested at creation (0 = every live worker).
   */
  'shards'?: (number);
  /**
   * Routing mode.
   */
  'routing'?: (_vecshard_v1_Routing);
  /**
   * Life-cycle state.
   */
  'state'?: (_vecshard_v1_CollectionState);
  /**
   * Number of inverted lists of the index.
   */
  'nlist'?: (number);
  /**
   * The shards and their lists; empty before Train.
   */
  'placement'?: (_vecshard_v1_ShardInfo)[];
  /**
   * Vectors stored over all shards (counted by the live workers).
   */
  'vectors'?: (number | string | Long);
  /**
   * The trained, empty FAISS index every shard started from (FAISS
   * write_index format), only when GetCollectionRequest.include_template is set.
   */
  'template'?: (Buffer | Uint8Array | string);
  /**
   * Creation time, milliseconds since the Unix epoch.
   */
  'createdAtMs'?: (number | string | Long);
  /**
   * Copies of every shard.
   */
  'replicationFactor'?: (number);
  /**
   * How the lists were grouped into shards.
   */
  'placementPolicy'?: (_vecshard_v1_PlacementPolicy);
  /**
   * While the state is LOADING: the "recover" job refilling its shards, to
   * follow with WatchJob.
   */
  'loadingJob'?: (string);
  /**
   * The fields stored with every vector.
   */
  'fields'?: (_vecshard_v1_FieldSchema)[];
  /**
   * The partition key field, if any.
   */
  'partitionKey'?: (string);
}

/**
 * Everything known about a collection.
 */
export interface CollectionInfo__Output {
  /**
   * Collection name.
   */
  'name': (string);
  /**
   * Vector dimension.
   */
  'dim': (number);
  /**
   * Distance metric.
   */
  'metric': (_vecshard_v1_Metric__Output);
  /**
   * FAISS index factory string.
   */
  'index': (string);
  /**
   * Default lists probed per query.
   */
  'nprobe': (number);
  /**
   * Shards requested at creation (0 = every live worker).
   */
  'shards': (number);
  /**
   * Routing mode.
   */
  'routing': (_vecshard_v1_Routing__Output);
  /**
   * Life-cycle state.
   */
  'state': (_vecshard_v1_CollectionState__Output);
  /**
   * Number of inverted lists of the index.
   */
  'nlist': (number);
  /**
   * The shards and their lists; empty before Train.
   */
  'placement': (_vecshard_v1_ShardInfo__Output)[];
  /**
   * Vectors stored over all shards (counted by the live workers).
   */
  'vectors': (string);
  /**
   * The trained, empty FAISS index every shard started from (FAISS
   * write_index format), only when GetCollectionRequest.include_template is set.
   */
  'template': (Buffer);
  /**
   * Creation time, milliseconds since the Unix epoch.
   */
  'createdAtMs': (string);
  /**
   * Copies of every shard.
   */
  'replicationFactor': (number);
  /**
   * How the lists were grouped into shards.
   */
  'placementPolicy': (_vecshard_v1_PlacementPolicy__Output);
  /**
   * While the state is LOADING: the "recover" job refilling its shards, to
   * follow with WatchJob.
   */
  'loadingJob': (string);
  /**
   * The fields stored with every vector.
   */
  'fields': (_vecshard_v1_FieldSchema__Output)[];
  /**
   * The partition key field, if any.
   */
  'partitionKey': (string);
}
