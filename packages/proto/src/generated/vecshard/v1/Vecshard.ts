// Original file: ../../proto/vecshard/v1/vecshard.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClusterStatusRequest as _vecshard_v1_ClusterStatusRequest, ClusterStatusRequest__Output as _vecshard_v1_ClusterStatusRequest__Output } from '../../vecshard/v1/ClusterStatusRequest.js';
import type { ClusterStatusResponse as _vecshard_v1_ClusterStatusResponse, ClusterStatusResponse__Output as _vecshard_v1_ClusterStatusResponse__Output } from '../../vecshard/v1/ClusterStatusResponse.js';
import type { CountRequest as _vecshard_v1_CountRequest, CountRequest__Output as _vecshard_v1_CountRequest__Output } from '../../vecshard/v1/CountRequest.js';
import type { CountResponse as _vecshard_v1_CountResponse, CountResponse__Output as _vecshard_v1_CountResponse__Output } from '../../vecshard/v1/CountResponse.js';
import type { CreateCollectionRequest as _vecshard_v1_CreateCollectionRequest, CreateCollectionRequest__Output as _vecshard_v1_CreateCollectionRequest__Output } from '../../vecshard/v1/CreateCollectionRequest.js';
import type { CreateCollectionResponse as _vecshard_v1_CreateCollectionResponse, CreateCollectionResponse__Output as _vecshard_v1_CreateCollectionResponse__Output } from '../../vecshard/v1/CreateCollectionResponse.js';
import type { DeleteRequest as _vecshard_v1_DeleteRequest, DeleteRequest__Output as _vecshard_v1_DeleteRequest__Output } from '../../vecshard/v1/DeleteRequest.js';
import type { DeleteResponse as _vecshard_v1_DeleteResponse, DeleteResponse__Output as _vecshard_v1_DeleteResponse__Output } from '../../vecshard/v1/DeleteResponse.js';
import type { DrainWorkerRequest as _vecshard_v1_DrainWorkerRequest, DrainWorkerRequest__Output as _vecshard_v1_DrainWorkerRequest__Output } from '../../vecshard/v1/DrainWorkerRequest.js';
import type { DropCollectionRequest as _vecshard_v1_DropCollectionRequest, DropCollectionRequest__Output as _vecshard_v1_DropCollectionRequest__Output } from '../../vecshard/v1/DropCollectionRequest.js';
import type { DropCollectionResponse as _vecshard_v1_DropCollectionResponse, DropCollectionResponse__Output as _vecshard_v1_DropCollectionResponse__Output } from '../../vecshard/v1/DropCollectionResponse.js';
import type { GetCollectionRequest as _vecshard_v1_GetCollectionRequest, GetCollectionRequest__Output as _vecshard_v1_GetCollectionRequest__Output } from '../../vecshard/v1/GetCollectionRequest.js';
import type { GetCollectionResponse as _vecshard_v1_GetCollectionResponse, GetCollectionResponse__Output as _vecshard_v1_GetCollectionResponse__Output } from '../../vecshard/v1/GetCollectionResponse.js';
import type { GetJobRequest as _vecshard_v1_GetJobRequest, GetJobRequest__Output as _vecshard_v1_GetJobRequest__Output } from '../../vecshard/v1/GetJobRequest.js';
import type { GetRequest as _vecshard_v1_GetRequest, GetRequest__Output as _vecshard_v1_GetRequest__Output } from '../../vecshard/v1/GetRequest.js';
import type { GetResponse as _vecshard_v1_GetResponse, GetResponse__Output as _vecshard_v1_GetResponse__Output } from '../../vecshard/v1/GetResponse.js';
import type { GetRoutingTableRequest as _vecshard_v1_GetRoutingTableRequest, GetRoutingTableRequest__Output as _vecshard_v1_GetRoutingTableRequest__Output } from '../../vecshard/v1/GetRoutingTableRequest.js';
import type { ImportRequest as _vecshard_v1_ImportRequest, ImportRequest__Output as _vecshard_v1_ImportRequest__Output } from '../../vecshard/v1/ImportRequest.js';
import type { Job as _vecshard_v1_Job, Job__Output as _vecshard_v1_Job__Output } from '../../vecshard/v1/Job.js';
import type { ListCollectionsRequest as _vecshard_v1_ListCollectionsRequest, ListCollectionsRequest__Output as _vecshard_v1_ListCollectionsRequest__Output } from '../../vecshard/v1/ListCollectionsRequest.js';
import type { ListCollectionsResponse as _vecshard_v1_ListCollectionsResponse, ListCollectionsResponse__Output as _vecshard_v1_ListCollectionsResponse__Output } from '../../vecshard/v1/ListCollectionsResponse.js';
import type { ListSnapshotsRequest as _vecshard_v1_ListSnapshotsRequest, ListSnapshotsRequest__Output as _vecshard_v1_ListSnapshotsRequest__Output } from '../../vecshard/v1/ListSnapshotsRequest.js';
import type { ListSnapshotsResponse as _vecshard_v1_ListSnapshotsResponse, ListSnapshotsResponse__Output as _vecshard_v1_ListSnapshotsResponse__Output } from '../../vecshard/v1/ListSnapshotsResponse.js';
import type { QueryRequest as _vecshard_v1_QueryRequest, QueryRequest__Output as _vecshard_v1_QueryRequest__Output } from '../../vecshard/v1/QueryRequest.js';
import type { QueryResponse as _vecshard_v1_QueryResponse, QueryResponse__Output as _vecshard_v1_QueryResponse__Output } from '../../vecshard/v1/QueryResponse.js';
import type { RebalanceRequest as _vecshard_v1_RebalanceRequest, RebalanceRequest__Output as _vecshard_v1_RebalanceRequest__Output } from '../../vecshard/v1/RebalanceRequest.js';
import type { RestoreRequest as _vecshard_v1_RestoreRequest, RestoreRequest__Output as _vecshard_v1_RestoreRequest__Output } from '../../vecshard/v1/RestoreRequest.js';
import type { RoutingTable as _vecshard_v1_RoutingTable, RoutingTable__Output as _vecshard_v1_RoutingTable__Output } from '../../vecshard/v1/RoutingTable.js';
import type { SearchRequest as _vecshard_v1_SearchRequest, SearchRequest__Output as _vecshard_v1_SearchRequest__Output } from '../../vecshard/v1/SearchRequest.js';
import type { SearchResponse as _vecshard_v1_SearchResponse, SearchResponse__Output as _vecshard_v1_SearchResponse__Output } from '../../vecshard/v1/SearchResponse.js';
import type { SnapshotRequest as _vecshard_v1_SnapshotRequest, SnapshotRequest__Output as _vecshard_v1_SnapshotRequest__Output } from '../../vecshard/v1/SnapshotRequest.js';
import type { TrainFromFileRequest as _vecshard_v1_TrainFromFileRequest, TrainFromFileRequest__Output as _vecshard_v1_TrainFromFileRequest__Output } from '../../vecshard/v1/TrainFromFileRequest.js';
import type { TrainRequest as _vecshard_v1_TrainRequest, TrainRequest__Output as _vecshard_v1_TrainRequest__Output } from '../../vecshard/v1/TrainRequest.js';
import type { TrainResponse as _vecshard_v1_TrainResponse, TrainResponse__Output as _vecshard_v1_TrainResponse__Output } from '../../vecshard/v1/TrainResponse.js';
import type { UpsertRequest as _vecshard_v1_UpsertRequest, UpsertRequest__Output as _vecshard_v1_UpsertRequest__Output } from '../../vecshard/v1/UpsertRequest.js';
import type { UpsertResponse as _vecshard_v1_UpsertResponse, UpsertResponse__Output as _vecshard_v1_UpsertResponse__Output } from '../../vecshard/v1/UpsertResponse.js';

/**
 * The vecshard service, served by the coordinator.
 */
export interface VecshardClient extends grpc.Client {
  /**
   * The shard workers the coordinator knows and the collections it serves.
   */
  ClusterStatus(argument: _vecshard_v1_ClusterStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  ClusterStatus(argument: _vecshard_v1_ClusterStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  ClusterStatus(argument: _vecshard_v1_ClusterStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  ClusterStatus(argument: _vecshard_v1_ClusterStatusRequest, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The shard workers the coordinator knows and the collections it serves.
   */
  clusterStatus(argument: _vecshard_v1_ClusterStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  clusterStatus(argument: _vecshard_v1_ClusterStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  clusterStatus(argument: _vecshard_v1_ClusterStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  clusterStatus(argument: _vecshard_v1_ClusterStatusRequest, callback: grpc.requestCallback<_vecshard_v1_ClusterStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The exact number of rows matching a filter.
   */
  Count(argument: _vecshard_v1_CountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  Count(argument: _vecshard_v1_CountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  Count(argument: _vecshard_v1_CountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  Count(argument: _vecshard_v1_CountRequest, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The exact number of rows matching a filter.
   */
  count(argument: _vecshard_v1_CountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  count(argument: _vecshard_v1_CountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  count(argument: _vecshard_v1_CountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  count(argument: _vecshard_v1_CountRequest, callback: grpc.requestCallback<_vecshard_v1_CountResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates an empty, untrained collection.
   */
  CreateCollection(argument: _vecshard_v1_CreateCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _vecshard_v1_CreateCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _vecshard_v1_CreateCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _vecshard_v1_CreateCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates an empty, untrained collection.
   */
  createCollection(argument: _vecshard_v1_CreateCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _vecshard_v1_CreateCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _vecshard_v1_CreateCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _vecshard_v1_CreateCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes vectors by id; ids that are not stored are ignored.
   */
  Delete(argument: _vecshard_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_v1_DeleteRequest, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes vectors by id; ids that are not stored are ignored.
   */
  delete(argument: _vecshard_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_v1_DeleteRequest, callback: grpc.requestCallback<_vecshard_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves every list off a worker, while serving; afterwards it holds nothing
   * and no new placement uses it until it restarts. A job of kind "drain".
   */
  DrainWorker(argument: _vecshard_v1_DrainWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  DrainWorker(argument: _vecshard_v1_DrainWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  DrainWorker(argument: _vecshard_v1_DrainWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  DrainWorker(argument: _vecshard_v1_DrainWorkerRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Moves every list off a worker, while serving; afterwards it holds nothing
   * and no new placement uses it until it restarts. A job of kind "drain".
   */
  drainWorker(argument: _vecshard_v1_DrainWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  drainWorker(argument: _vecshard_v1_DrainWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  drainWorker(argument: _vecshard_v1_DrainWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  drainWorker(argument: _vecshard_v1_DrainWorkerRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Drops a collection and everything stored in it.
   */
  DropCollection(argument: _vecshard_v1_DropCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  DropCollection(argument: _vecshard_v1_DropCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  DropCollection(argument: _vecshard_v1_DropCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  DropCollection(argument: _vecshard_v1_DropCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Drops a collection and everything stored in it.
   */
  dropCollection(argument: _vecshard_v1_DropCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  dropCollection(argument: _vecshard_v1_DropCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  dropCollection(argument: _vecshard_v1_DropCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  dropCollection(argument: _vecshard_v1_DropCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_DropCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Rows by id: their fields and, if asked, vectors.
   */
  Get(argument: _vecshard_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _vecshard_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _vecshard_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _vecshard_v1_GetRequest, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Rows by id: their fields and, if asked, vectors.
   */
  get(argument: _vecshard_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _vecshard_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _vecshard_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _vecshard_v1_GetRequest, callback: grpc.requestCallback<_vecshard_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes one collection.
   */
  GetCollection(argument: _vecshard_v1_GetCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  GetCollection(argument: _vecshard_v1_GetCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  GetCollection(argument: _vecshard_v1_GetCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  GetCollection(argument: _vecshard_v1_GetCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes one collection.
   */
  getCollection(argument: _vecshard_v1_GetCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  getCollection(argument: _vecshard_v1_GetCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  getCollection(argument: _vecshard_v1_GetCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  getCollection(argument: _vecshard_v1_GetCollectionRequest, callback: grpc.requestCallback<_vecshard_v1_GetCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reports a job; NOT_FOUND for an unknown id.
   */
  GetJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _vecshard_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _vecshard_v1_GetJobRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Reports a job; NOT_FOUND for an unknown id.
   */
  getJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _vecshard_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _vecshard_v1_GetJobRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * What a client needs to route searches itself and ask the shard workers
   * directly (ShardSearch): the coarse quantizer's centroids and, per shard,
   * its lists and the addresses of its READY copies. Needs the read role.
   */
  GetRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  GetRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  GetRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  GetRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  /**
   * What a client needs to route searches itself and ask the shard workers
   * directly (ShardSearch): the coarse quantizer's centroids and, per shard,
   * its lists and the addresses of its READY copies. Needs the read role.
   */
  getRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  getRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  getRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  getRoutingTable(argument: _vecshard_v1_GetRoutingTableRequest, callback: grpc.requestCallback<_vecshard_v1_RoutingTable__Output>): grpc.ClientUnaryCall;
  
  /**
   * Bulk-loads vectors from a file into a collection (training it first on the
   * file's leading vectors when it is not trained yet). Safe to run again: rows
   * are upserted by id, so a re-run after a crash duplicates nothing.
   */
  Import(argument: _vecshard_v1_ImportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Import(argument: _vecshard_v1_ImportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Import(argument: _vecshard_v1_ImportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Import(argument: _vecshard_v1_ImportRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Bulk-loads vectors from a file into a collection (training it first on the
   * file's leading vectors when it is not trained yet). Safe to run again: rows
   * are upserted by id, so a re-run after a crash duplicates nothing.
   */
  import(argument: _vecshard_v1_ImportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  import(argument: _vecshard_v1_ImportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  import(argument: _vecshard_v1_ImportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  import(argument: _vecshard_v1_ImportRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists every collection.
   */
  ListCollections(argument: _vecshard_v1_ListCollectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _vecshard_v1_ListCollectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _vecshard_v1_ListCollectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _vecshard_v1_ListCollectionsRequest, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists every collection.
   */
  listCollections(argument: _vecshard_v1_ListCollectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _vecshard_v1_ListCollectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _vecshard_v1_ListCollectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _vecshard_v1_ListCollectionsRequest, callback: grpc.requestCallback<_vecshard_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the snapshots of a collection held in the object store, newest first.
   */
  ListSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the snapshots of a collection held in the object store, newest first.
   */
  listSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listSnapshots(argument: _vecshard_v1_ListSnapshotsRequest, callback: grpc.requestCallback<_vecshard_v1_ListSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every row matching a filter, in pages by ascending id.
   */
  Query(argument: _vecshard_v1_QueryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  Query(argument: _vecshard_v1_QueryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  Query(argument: _vecshard_v1_QueryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  Query(argument: _vecshard_v1_QueryRequest, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every row matching a filter, in pages by ascending id.
   */
  query(argument: _vecshard_v1_QueryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  query(argument: _vecshard_v1_QueryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  query(argument: _vecshard_v1_QueryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  query(argument: _vecshard_v1_QueryRequest, callback: grpc.requestCallback<_vecshard_v1_QueryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves inverted lists (and shard copies) so that the vector load is even
   * over the live workers, new ones included, while searches and writes go
   * on; a job of kind "rebalance" with progress in lists moved.
   */
  Rebalance(argument: _vecshard_v1_RebalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Rebalance(argument: _vecshard_v1_RebalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Rebalance(argument: _vecshard_v1_RebalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Rebalance(argument: _vecshard_v1_RebalanceRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Moves inverted lists (and shard copies) so that the vector load is even
   * over the live workers, new ones included, while searches and writes go
   * on; a job of kind "rebalance" with progress in lists moved.
   */
  rebalance(argument: _vecshard_v1_RebalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  rebalance(argument: _vecshard_v1_RebalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  rebalance(argument: _vecshard_v1_RebalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  rebalance(argument: _vecshard_v1_RebalanceRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Restores a collection from a snapshot in the object store, onto the live
   * workers (any number of them).
   */
  Restore(argument: _vecshard_v1_RestoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Restore(argument: _vecshard_v1_RestoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Restore(argument: _vecshard_v1_RestoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Restore(argument: _vecshard_v1_RestoreRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Restores a collection from a snapshot in the object store, onto the live
   * workers (any number of them).
   */
  restore(argument: _vecshard_v1_RestoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  restore(argument: _vecshard_v1_RestoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  restore(argument: _vecshard_v1_RestoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  restore(argument: _vecshard_v1_RestoreRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * k nearest neighbours of each query.
   */
  Search(argument: _vecshard_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _vecshard_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _vecshard_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _vecshard_v1_SearchRequest, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * k nearest neighbours of each query.
   */
  search(argument: _vecshard_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _vecshard_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _vecshard_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _vecshard_v1_SearchRequest, callback: grpc.requestCallback<_vecshard_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Writes a snapshot of a collection to the object store.
   */
  Snapshot(argument: _vecshard_v1_SnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Snapshot(argument: _vecshard_v1_SnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Snapshot(argument: _vecshard_v1_SnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  Snapshot(argument: _vecshard_v1_SnapshotRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Writes a snapshot of a collection to the object store.
   */
  snapshot(argument: _vecshard_v1_SnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  snapshot(argument: _vecshard_v1_SnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  snapshot(argument: _vecshard_v1_SnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  snapshot(argument: _vecshard_v1_SnapshotRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Trains the collection's index on a sample and places its lists on the
   * shard workers. A collection is trained once.
   */
  Train(argument: _vecshard_v1_TrainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  Train(argument: _vecshard_v1_TrainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  Train(argument: _vecshard_v1_TrainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  Train(argument: _vecshard_v1_TrainRequest, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Trains the collection's index on a sample and places its lists on the
   * shard workers. A collection is trained once.
   */
  train(argument: _vecshard_v1_TrainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  train(argument: _vecshard_v1_TrainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  train(argument: _vecshard_v1_TrainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  train(argument: _vecshard_v1_TrainRequest, callback: grpc.requestCallback<_vecshard_v1_TrainResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Trains a collection on a sample read from a file, as a job: for samples
   * too large for one Train message. Places the lists like Train.
   */
  TrainFromFile(argument: _vecshard_v1_TrainFromFileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  TrainFromFile(argument: _vecshard_v1_TrainFromFileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  TrainFromFile(argument: _vecshard_v1_TrainFromFileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  TrainFromFile(argument: _vecshard_v1_TrainFromFileRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Trains a collection on a sample read from a file, as a job: for samples
   * too large for one Train message. Places the lists like Train.
   */
  trainFromFile(argument: _vecshard_v1_TrainFromFileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  trainFromFile(argument: _vecshard_v1_TrainFromFileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  trainFromFile(argument: _vecshard_v1_TrainFromFileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  trainFromFile(argument: _vecshard_v1_TrainFromFileRequest, callback: grpc.requestCallback<_vecshard_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Inserts vectors, replacing any stored vector with the same id. Refused
   * with FAILED_PRECONDITION before Train (vecshard never trains implicitly).
   * Acknowledged only once every shard involved has stored its part.
   */
  Upsert(argument: _vecshard_v1_UpsertRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  Upsert(argument: _vecshard_v1_UpsertRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  Upsert(argument: _vecshard_v1_UpsertRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  Upsert(argument: _vecshard_v1_UpsertRequest, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Inserts vectors, replacing any stored vector with the same id. Refused
   * with FAILED_PRECONDITION before Train (vecshard never trains implicitly).
   * Acknowledged only once every shard involved has stored its part.
   */
  upsert(argument: _vecshard_v1_UpsertRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  upsert(argument: _vecshard_v1_UpsertRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  upsert(argument: _vecshard_v1_UpsertRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  upsert(argument: _vecshard_v1_UpsertRequest, callback: grpc.requestCallback<_vecshard_v1_UpsertResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams the job each time its state or progress changes; the stream ends
   * after the job completes or fails.
   */
  WatchJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_v1_Job__Output>;
  WatchJob(argument: _vecshard_v1_GetJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_v1_Job__Output>;
  /**
   * Streams the job each time its state or progress changes; the stream ends
   * after the job completes or fails.
   */
  watchJob(argument: _vecshard_v1_GetJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_v1_Job__Output>;
  watchJob(argument: _vecshard_v1_GetJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_v1_Job__Output>;
  
}

/**
 * The vecshard service, served by the coordinator.
 */
export interface VecshardHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The shard workers the coordinator knows and the collections it serves.
   */
  ClusterStatus: grpc.handleUnaryCall<_vecshard_v1_ClusterStatusRequest__Output, _vecshard_v1_ClusterStatusResponse>;
  
  /**
   * The exact number of rows matching a filter.
   */
  Count: grpc.handleUnaryCall<_vecshard_v1_CountRequest__Output, _vecshard_v1_CountResponse>;
  
  /**
   * Creates an empty, untrained collection.
   */
  CreateCollection: grpc.handleUnaryCall<_vecshard_v1_CreateCollectionRequest__Output, _vecshard_v1_CreateCollectionResponse>;
  
  /**
   * Removes vectors by id; ids that are not stored are ignored.
   */
  Delete: grpc.handleUnaryCall<_vecshard_v1_DeleteRequest__Output, _vecshard_v1_DeleteResponse>;
  
  /**
   * Moves every list off a worker, while serving; afterwards it holds nothing
   * and no new placement uses it until it restarts. A job of kind "drain".
   */
  DrainWorker: grpc.handleUnaryCall<_vecshard_v1_DrainWorkerRequest__Output, _vecshard_v1_Job>;
  
  /**
   * Drops a collection and everything stored in it.
   */
  DropCollection: grpc.handleUnaryCall<_vecshard_v1_DropCollectionRequest__Output, _vecshard_v1_DropCollectionResponse>;
  
  /**
   * Rows by id: their fields and, if asked, vectors.
   */
  Get: grpc.handleUnaryCall<_vecshard_v1_GetRequest__Output, _vecshard_v1_GetResponse>;
  
  /**
   * Describes one collection.
   */
  GetCollection: grpc.handleUnaryCall<_vecshard_v1_GetCollectionRequest__Output, _vecshard_v1_GetCollectionResponse>;
  
  /**
   * Reports a job; NOT_FOUND for an unknown id.
   */
  GetJob: grpc.handleUnaryCall<_vecshard_v1_GetJobRequest__Output, _vecshard_v1_Job>;
  
  /**
   * What a client needs to route searches itself and ask the shard workers
   * directly (ShardSearch): the coarse quantizer's centroids and, per shard,
   * its lists and the addresses of its READY copies. Needs the read role.
   */
  GetRoutingTable: grpc.handleUnaryCall<_vecshard_v1_GetRoutingTableRequest__Output, _vecshard_v1_RoutingTable>;
  
  /**
   * Bulk-loads vectors from a file into a collection (training it first on the
   * file's leading vectors when it is not trained yet). Safe to run again: rows
   * are upserted by id, so a re-run after a crash duplicates nothing.
   */
  Import: grpc.handleUnaryCall<_vecshard_v1_ImportRequest__Output, _vecshard_v1_Job>;
  
  /**
   * Lists every collection.
   */
  ListCollections: grpc.handleUnaryCall<_vecshard_v1_ListCollectionsRequest__Output, _vecshard_v1_ListCollectionsResponse>;
  
  /**
   * Lists the snapshots of a collection held in the object store, newest first.
   */
  ListSnapshots: grpc.handleUnaryCall<_vecshard_v1_ListSnapshotsRequest__Output, _vecshard_v1_ListSnapshotsResponse>;
  
  /**
   * Every row matching a filter, in pages by ascending id.
   */
  Query: grpc.handleUnaryCall<_vecshard_v1_QueryRequest__Output, _vecshard_v1_QueryResponse>;
  
  /**
   * Moves inverted lists (and shard copies) so that the vector load is even
   * over the live workers, new ones included, while searches and writes go
   * on; a job of kind "rebalance" with progress in lists moved.
   */
  Rebalance: grpc.handleUnaryCall<_vecshard_v1_RebalanceRequest__Output, _vecshard_v1_Job>;
  
  /**
   * Restores a collection from a snapshot in the object store, onto the live
   * workers (any number of them).
   */
  Restore: grpc.handleUnaryCall<_vecshard_v1_RestoreRequest__Output, _vecshard_v1_Job>;
  
  /**
   * k nearest neighbours of each query.
   */
  Search: grpc.handleUnaryCall<_vecshard_v1_SearchRequest__Output, _vecshard_v1_SearchResponse>;
  
  /**
   * Writes a snapshot of a collection to the object store.
   */
  Snapshot: grpc.handleUnaryCall<_vecshard_v1_SnapshotRequest__Output, _vecshard_v1_Job>;
  
  /**
   * Trains the collection's index on a sample and places its lists on the
   * shard workers. A collection is trained once.
   */
  Train: grpc.handleUnaryCall<_vecshard_v1_TrainRequest__Output, _vecshard_v1_TrainResponse>;
  
  /**
   * Trains a collection on a sample read from a file, as a job: for samples
   * too large for one Train message. Places the lists like Train.
   */
  TrainFromFile: grpc.handleUnaryCall<_vecshard_v1_TrainFromFileRequest__Output, _vecshard_v1_Job>;
  
  /**
   * Inserts vectors, replacing any stored vector with the same id. Refused
   * with FAILED_PRECONDITION before Train (vecshard never trains implicitly).
   * Acknowledged only once every shard involved has stored its part.
   */
  Upsert: grpc.handleUnaryCall<_vecshard_v1_UpsertRequest__Output, _vecshard_v1_UpsertResponse>;
  
  /**
   * Streams the job each time its state or progress changes; the stream ends
   * after the job completes or fails.
   */
  WatchJob: grpc.handleServerStreamingCall<_vecshard_v1_GetJobRequest__Output, _vecshard_v1_Job>;
  
}

export interface VecshardDefinition extends grpc.ServiceDefinition {
  ClusterStatus: MethodDefinition<_vecshard_v1_ClusterStatusRequest, _vecshard_v1_ClusterStatusResponse, _vecshard_v1_ClusterStatusRequest__Output, _vecshard_v1_ClusterStatusResponse__Output>
  Count: MethodDefinition<_vecshard_v1_CountRequest, _vecshard_v1_CountResponse, _vecshard_v1_CountRequest__Output, _vecshard_v1_CountResponse__Output>
  CreateCollection: MethodDefinition<_vecshard_v1_CreateCollectionRequest, _vecshard_v1_CreateCollectionResponse, _vecshard_v1_CreateCollectionRequest__Output, _vecshard_v1_CreateCollectionResponse__Output>
  Delete: MethodDefinition<_vecshard_v1_DeleteRequest, _vecshard_v1_DeleteResponse, _vecshard_v1_DeleteRequest__Output, _vecshard_v1_DeleteResponse__Output>
  DrainWorker: MethodDefinition<_vecshard_v1_DrainWorkerRequest, _vecshard_v1_Job, _vecshard_v1_DrainWorkerRequest__Output, _vecshard_v1_Job__Output>
  DropCollection: MethodDefinition<_vecshard_v1_DropCollectionRequest, _vecshard_v1_DropCollectionResponse, _vecshard_v1_DropCollectionRequest__Output, _vecshard_v1_DropCollectionResponse__Output>
  Get: MethodDefinition<_vecshard_v1_GetRequest, _vecshard_v1_GetResponse, _vecshard_v1_GetRequest__Output, _vecshard_v1_GetResponse__Output>
  GetCollection: MethodDefinition<_vecshard_v1_GetCollectionRequest, _vecshard_v1_GetCollectionResponse, _vecshard_v1_GetCollectionRequest__Output, _vecshard_v1_GetCollectionResponse__Output>
  GetJob: MethodDefinition<_vecshard_v1_GetJobRequest, _vecshard_v1_Job, _vecshard_v1_GetJobRequest__Output, _vecshard_v1_Job__Output>
  GetRoutingTable: MethodDefinition<_vecshard_v1_GetRoutingTableRequest, _vecshard_v1_RoutingTable, _vecshard_v1_GetRoutingTableRequest__Output, _vecshard_v1_RoutingTable__Output>
  Import: MethodDefinition<_vecshard_v1_ImportRequest, _vecshard_v1_Job, _vecshard_v1_ImportRequest__Output, _vecshard_v1_Job__Output>
  ListCollections: MethodDefinition<_vecshard_v1_ListCollectionsRequest, _vecshard_v1_ListCollectionsResponse, _vecshard_v1_ListCollectionsRequest__Output, _vecshard_v1_ListCollectionsResponse__Output>
  ListSnapshots: MethodDefinition<_vecshard_v1_ListSnapshotsRequest, _vecshard_v1_ListSnapshotsResponse, _vecshard_v1_ListSnapshotsRequest__Output, _vecshard_v1_ListSnapshotsResponse__Output>
  Query: MethodDefinition<_vecshard_v1_QueryRequest, _vecshard_v1_QueryResponse, _vecshard_v1_QueryRequest__Output, _vecshard_v1_QueryResponse__Output>
  Rebalance: MethodDefinition<_vecshard_v1_RebalanceRequest, _vecshard_v1_Job, _vecshard_v1_RebalanceRequest__Output, _vecshard_v1_Job__Output>
  Restore: MethodDefinition<_vecshard_v1_RestoreRequest, _vecshard_v1_Job, _vecshard_v1_RestoreRequest__Output, _vecshard_v1_Job__Output>
  Search: MethodDefinition<_vecshard_v1_SearchRequest, _vecshard_v1_SearchResponse, _vecshard_v1_SearchRequest__Output, _vecshard_v1_SearchResponse__Output>
  Snapshot: MethodDefinition<_vecshard_v1_SnapshotRequest, _vecshard_v1_Job, _vecshard_v1_SnapshotRequest__Output, _vecshard_v1_Job__Output>
  Train: MethodDefinition<_vecshard_v1_TrainRequest, _vecshard_v1_TrainResponse, _vecshard_v1_TrainRequest__Output, _vecshard_v1_TrainResponse__Output>
  TrainFromFile: MethodDefinition<_vecshard_v1_TrainFromFileRequest, _vecshard_v1_Job, _vecshard_v1_TrainFromFileRequest__Output, _vecshard_v1_Job__Output>
  Upsert: MethodDefinition<_vecshard_v1_UpsertRequest, _vecshard_v1_UpsertResponse, _vecshard_v1_UpsertRequest__Output, _vecshard_v1_UpsertResponse__Output>
  WatchJob: MethodDefinition<_vecshard_v1_GetJobRequest, _vecshard_v1_Job, _vecshard_v1_GetJobRequest__Output, _vecshard_v1_Job__Output>
}
