// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddPreassignedRequest as _vecshard_worker_v1_AddPreassignedRequest, AddPreassignedRequest__Output as _vecshard_worker_v1_AddPreassignedRequest__Output } from '../../../vecshard/worker/v1/AddPreassignedRequest.js';
import type { AddPreassignedResponse as _vecshard_worker_v1_AddPreassignedResponse, AddPreassignedResponse__Output as _vecshard_worker_v1_AddPreassignedResponse__Output } from '../../../vecshard/worker/v1/AddPreassignedResponse.js';
import type { AttachRequest as _vecshard_worker_v1_AttachRequest, AttachRequest__Output as _vecshard_worker_v1_AttachRequest__Output } from '../../../vecshard/worker/v1/AttachRequest.js';
import type { AttachResponse as _vecshard_worker_v1_AttachResponse, AttachResponse__Output as _vecshard_worker_v1_AttachResponse__Output } from '../../../vecshard/worker/v1/AttachResponse.js';
import type { DeleteRequest as _vecshard_worker_v1_DeleteRequest, DeleteRequest__Output as _vecshard_worker_v1_DeleteRequest__Output } from '../../../vecshard/worker/v1/DeleteRequest.js';
import type { DeleteResponse as _vecshard_worker_v1_DeleteResponse, DeleteResponse__Output as _vecshard_worker_v1_DeleteResponse__Output } from '../../../vecshard/worker/v1/DeleteResponse.js';
import type { DropRequest as _vecshard_worker_v1_DropRequest, DropRequest__Output as _vecshard_worker_v1_DropRequest__Output } from '../../../vecshard/worker/v1/DropRequest.js';
import type { DropResponse as _vecshard_worker_v1_DropResponse, DropResponse__Output as _vecshard_worker_v1_DropResponse__Output } from '../../../vecshard/worker/v1/DropResponse.js';
import type { ExportListsRequest as _vecshard_worker_v1_ExportListsRequest, ExportListsRequest__Output as _vecshard_worker_v1_ExportListsRequest__Output } from '../../../vecshard/worker/v1/ExportListsRequest.js';
import type { ExportVersionsRequest as _vecshard_worker_v1_ExportVersionsRequest, ExportVersionsRequest__Output as _vecshard_worker_v1_ExportVersionsRequest__Output } from '../../../vecshard/worker/v1/ExportVersionsRequest.js';
import type { FinishLoadingRequest as _vecshard_worker_v1_FinishLoadingRequest, FinishLoadingRequest__Output as _vecshard_worker_v1_FinishLoadingRequest__Output } from '../../../vecshard/worker/v1/FinishLoadingRequest.js';
import type { FinishLoadingResponse as _vecshard_worker_v1_FinishLoadingResponse, FinishLoadingResponse__Output as _vecshard_worker_v1_FinishLoadingResponse__Output } from '../../../vecshard/worker/v1/FinishLoadingResponse.js';
import type { HoldWritesRequest as _vecshard_worker_v1_HoldWritesRequest, HoldWritesRequest__Output as _vecshard_worker_v1_HoldWritesRequest__Output } from '../../../vecshard/worker/v1/HoldWritesRequest.js';
import type { HoldWritesResponse as _vecshard_worker_v1_HoldWritesResponse, HoldWritesResponse__Output as _vecshard_worker_v1_HoldWritesResponse__Output } from '../../../vecshard/worker/v1/HoldWritesResponse.js';
import type { ImportListsRequest as _vecshard_worker_v1_ImportListsRequest, ImportListsRequest__Output as _vecshard_worker_v1_ImportListsRequest__Output } from '../../../vecshard/worker/v1/ImportListsRequest.js';
import type { ImportListsResponse as _vecshard_worker_v1_ImportListsResponse, ImportListsResponse__Output as _vecshard_worker_v1_ImportListsResponse__Output } from '../../../vecshard/worker/v1/ImportListsResponse.js';
import type { ListContent as _vecshard_worker_v1_ListContent, ListContent__Output as _vecshard_worker_v1_ListContent__Output } from '../../../vecshard/worker/v1/ListContent.js';
import type { ListDigestsRequest as _vecshard_worker_v1_ListDigestsRequest, ListDigestsRequest__Output as _vecshard_worker_v1_ListDigestsRequest__Output } from '../../../vecshard/worker/v1/ListDigestsRequest.js';
import type { ListDigestsResponse as _vecshard_worker_v1_ListDigestsResponse, ListDigestsResponse__Output as _vecshard_worker_v1_ListDigestsResponse__Output } from '../../../vecshard/worker/v1/ListDigestsResponse.js';
import type { MatchStatsRequest as _vecshard_worker_v1_MatchStatsRequest, MatchStatsRequest__Output as _vecshard_worker_v1_MatchStatsRequest__Output } from '../../../vecshard/worker/v1/MatchStatsRequest.js';
import type { MatchStatsResponse as _vecshard_worker_v1_MatchStatsResponse, MatchStatsResponse__Output as _vecshard_worker_v1_MatchStatsResponse__Output } from '../../../vecshard/worker/v1/MatchStatsResponse.js';
import type { ReadRowsRequest as _vecshard_worker_v1_ReadRowsRequest, ReadRowsRequest__Output as _vecshard_worker_v1_ReadRowsRequest__Output } from '../../../vecshard/worker/v1/ReadRowsRequest.js';
import type { ReadRowsResponse as _vecshard_worker_v1_ReadRowsResponse, ReadRowsResponse__Output as _vecshard_worker_v1_ReadRowsResponse__Output } from '../../../vecshard/worker/v1/ReadRowsResponse.js';
import type { RowVersions as _vecshard_worker_v1_RowVersions, RowVersions__Output as _vecshard_worker_v1_RowVersions__Output } from '../../../vecshard/worker/v1/RowVersions.js';
import type { SearchPreassignedRequest as _vecshard_worker_v1_SearchPreassignedRequest, SearchPreassignedRequest__Output as _vecshard_worker_v1_SearchPreassignedRequest__Output } from '../../../vecshard/worker/v1/SearchPreassignedRequest.js';
import type { SearchPreassignedResponse as _vecshard_worker_v1_SearchPreassignedResponse, SearchPreassignedResponse__Output as _vecshard_worker_v1_SearchPreassignedResponse__Output } from '../../../vecshard/worker/v1/SearchPreassignedResponse.js';
import type { SetListsRequest as _vecshard_worker_v1_SetListsRequest, SetListsRequest__Output as _vecshard_worker_v1_SetListsRequest__Output } from '../../../vecshard/worker/v1/SetListsRequest.js';
import type { SetListsResponse as _vecshard_worker_v1_SetListsResponse, SetListsResponse__Output as _vecshard_worker_v1_SetListsResponse__Output } from '../../../vecshard/worker/v1/SetListsResponse.js';
import type { StatsRequest as _vecshard_worker_v1_StatsRequest, StatsRequest__Output as _vecshard_worker_v1_StatsRequest__Output } from '../../../vecshard/worker/v1/StatsRequest.js';
import type { StatsResponse as _vecshard_worker_v1_StatsResponse, StatsResponse__Output as _vecshard_worker_v1_StatsResponse__Output } from '../../../vecshard/worker/v1/StatsResponse.js';
import type { StopDirectReadsRequest as _vecshard_worker_v1_StopDirectReadsRequest, StopDirectReadsRequest__Output as _vecshard_worker_v1_StopDirectReadsRequest__Output } from '../../../vecshard/worker/v1/StopDirectReadsRequest.js';
import type { StopDirectReadsResponse as _vecshard_worker_v1_StopDirectReadsResponse, StopDirectReadsResponse__Output as _vecshard_worker_v1_StopDirectReadsResponse__Output } from '../../../vecshard/worker/v1/StopDirectReadsResponse.js';

/**
 * A shard worker: holds inverted lists of collections in FAISS indexes.
 */
export interface ShardWorkerClient extends grpc.Client {
  /**
   * Adds vectors into given inverted lists, first removing any stored vector
   * whose id is in replace_ids.
   */
  AddPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  AddPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  AddPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  AddPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds vectors into given inverted lists, first removing any stored vector
   * whose id is in replace_ids.
   */
  addPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  addPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  addPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  addPreassigned(argument: _vecshard_worker_v1_AddPreassignedRequest, callback: grpc.requestCallback<_vecshard_worker_v1_AddPreassignedResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Installs a collection's trained, empty template index with the lists the
   * worker owns. Attaching again replaces the collection (it starts empty).
   */
  Attach(argument: _vecshard_worker_v1_AttachRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  Attach(argument: _vecshard_worker_v1_AttachRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  Attach(argument: _vecshard_worker_v1_AttachRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  Attach(argument: _vecshard_worker_v1_AttachRequest, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Installs a collection's trained, empty template index with the lists the
   * worker owns. Attaching again replaces the collection (it starts empty).
   */
  attach(argument: _vecshard_worker_v1_AttachRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  attach(argument: _vecshard_worker_v1_AttachRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  attach(argument: _vecshard_worker_v1_AttachRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  attach(argument: _vecshard_worker_v1_AttachRequest, callback: grpc.requestCallback<_vecshard_worker_v1_AttachResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes vectors by id.
   */
  Delete(argument: _vecshard_worker_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_worker_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_worker_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _vecshard_worker_v1_DeleteRequest, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes vectors by id.
   */
  delete(argument: _vecshard_worker_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_worker_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_worker_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _vecshard_worker_v1_DeleteRequest, callback: grpc.requestCallback<_vecshard_worker_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Forgets a collection.
   */
  Drop(argument: _vecshard_worker_v1_DropRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  Drop(argument: _vecshard_worker_v1_DropRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  Drop(argument: _vecshard_worker_v1_DropRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  Drop(argument: _vecshard_worker_v1_DropRequest, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Forgets a collection.
   */
  drop(argument: _vecshard_worker_v1_DropRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  drop(argument: _vecshard_worker_v1_DropRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  drop(argument: _vecshard_worker_v1_DropRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  drop(argument: _vecshard_worker_v1_DropRequest, callback: grpc.requestCallback<_vecshard_worker_v1_DropResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams the content of owned inverted lists, one message per list, for
   * snapshots. Streaming keeps one list in memory at a time, however large
   * the shard.
   */
  ExportLists(argument: _vecshard_worker_v1_ExportListsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_worker_v1_ListContent__Output>;
  ExportLists(argument: _vecshard_worker_v1_ExportListsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_worker_v1_ListContent__Output>;
  /**
   * Streams the content of owned inverted lists, one message per list, for
   * snapshots. Streaming keeps one list in memory at a time, however large
   * the shard.
   */
  exportLists(argument: _vecshard_worker_v1_ExportListsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_worker_v1_ListContent__Output>;
  exportLists(argument: _vecshard_worker_v1_ExportListsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_vecshard_worker_v1_ListContent__Output>;
  
  /**
   * The write sequences a copy keeps for the rows of some of its lists and
   * for the ids it no longer holds (deleted, or moved to another shard), so
   * that the new owner of lists moving there refuses the same older writes.
   */
  ExportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  ExportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  ExportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  ExportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  /**
   * The write sequences a copy keeps for the rows of some of its lists and
   * for the ids it no longer holds (deleted, or moved to another shard), so
   * that the new owner of lists moving there refuses the same older writes.
   */
  exportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  exportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  exportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  exportVersions(argument: _vecshard_worker_v1_ExportVersionsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_RowVersions__Output>): grpc.ClientUnaryCall;
  
  /**
   * Ends the loading of a collection attached with `loading`: from now on it
   * answers searches.
   */
  FinishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  FinishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  FinishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  FinishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Ends the loading of a collection attached with `loading`: from now on it
   * answers searches.
   */
  finishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  finishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  finishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  finishLoading(argument: _vecshard_worker_v1_FinishLoadingRequest, callback: grpc.requestCallback<_vecshard_worker_v1_FinishLoadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Refuses writes routed by an epoch older than the one given, from now on:
   * while one coordinator copies the shard (a refill, a move), writes sent by
   * others are refused and routed again once the placement has switched.
   * Answers once the writes admitted before it have been applied.
   */
  HoldWrites(argument: _vecshard_worker_v1_HoldWritesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  HoldWrites(argument: _vecshard_worker_v1_HoldWritesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  HoldWrites(argument: _vecshard_worker_v1_HoldWritesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  HoldWrites(argument: _vecshard_worker_v1_HoldWritesRequest, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Refuses writes routed by an epoch older than the one given, from now on:
   * while one coordinator copies the shard (a refill, a move), writes sent by
   * others are refused and routed again once the placement has switched.
   * Answers once the writes admitted before it have been applied.
   */
  holdWrites(argument: _vecshard_worker_v1_HoldWritesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  holdWrites(argument: _vecshard_worker_v1_HoldWritesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  holdWrites(argument: _vecshard_worker_v1_HoldWritesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  holdWrites(argument: _vecshard_worker_v1_HoldWritesRequest, callback: grpc.requestCallback<_vecshard_worker_v1_HoldWritesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Replaces the content of owned inverted lists, for restores.
   */
  ImportLists(argument: _vecshard_worker_v1_ImportListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  ImportLists(argument: _vecshard_worker_v1_ImportListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  ImportLists(argument: _vecshard_worker_v1_ImportListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  ImportLists(argument: _vecshard_worker_v1_ImportListsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces the content of owned inverted lists, for restores.
   */
  importLists(argument: _vecshard_worker_v1_ImportListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  importLists(argument: _vecshard_worker_v1_ImportListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  importLists(argument: _vecshard_worker_v1_ImportListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  importLists(argument: _vecshard_worker_v1_ImportListsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ImportListsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The sha256 and size each owned list's snapshot blob would have, so a
   * snapshot asks only for the lists it has not stored yet.
   */
  ListDigests(argument: _vecshard_worker_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _vecshard_worker_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _vecshard_worker_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _vecshard_worker_v1_ListDigestsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The sha256 and size each owned list's snapshot blob would have, so a
   * snapshot asks only for the lists it has not stored yet.
   */
  listDigests(argument: _vecshard_worker_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _vecshard_worker_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _vecshard_worker_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _vecshard_worker_v1_ListDigestsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * How many rows match a filter, in total and per owned list, for planning
   * a filtered search and for Count.
   */
  MatchStats(argument: _vecshard_worker_v1_MatchStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  MatchStats(argument: _vecshard_worker_v1_MatchStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  MatchStats(argument: _vecshard_worker_v1_MatchStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  MatchStats(argument: _vecshard_worker_v1_MatchStatsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * How many rows match a filter, in total and per owned list, for planning
   * a filtered search and for Count.
   */
  matchStats(argument: _vecshard_worker_v1_MatchStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  matchStats(argument: _vecshard_worker_v1_MatchStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  matchStats(argument: _vecshard_worker_v1_MatchStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  matchStats(argument: _vecshard_worker_v1_MatchStatsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_MatchStatsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Rows by id, or the rows matching a filter by ascending id (a page): their
   * fields and, if asked, vectors.
   */
  ReadRows(argument: _vecshard_worker_v1_ReadRowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  ReadRows(argument: _vecshard_worker_v1_ReadRowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  ReadRows(argument: _vecshard_worker_v1_ReadRowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  ReadRows(argument: _vecshard_worker_v1_ReadRowsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Rows by id, or the rows matching a filter by ascending id (a page): their
   * fields and, if asked, vectors.
   */
  readRows(argument: _vecshard_worker_v1_ReadRowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  readRows(argument: _vecshard_worker_v1_ReadRowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  readRows(argument: _vecshard_worker_v1_ReadRowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  readRows(argument: _vecshard_worker_v1_ReadRowsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_ReadRowsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Searches only the given lists of each query.
   */
  SearchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  SearchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  SearchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  SearchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Searches only the given lists of each query.
   */
  searchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  searchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  searchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  searchPreassigned(argument: _vecshard_worker_v1_SearchPreassignedRequest, callback: grpc.requestCallback<_vecshard_worker_v1_SearchPreassignedResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes which inverted lists a shard owns: lists added start empty (fill
   * them with ImportLists), lists removed are emptied. Moves lists between
   * shards while serving.
   */
  SetLists(argument: _vecshard_worker_v1_SetListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  SetLists(argument: _vecshard_worker_v1_SetListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  SetLists(argument: _vecshard_worker_v1_SetListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  SetLists(argument: _vecshard_worker_v1_SetListsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes which inverted lists a shard owns: lists added start empty (fill
   * them with ImportLists), lists removed are emptied. Moves lists between
   * shards while serving.
   */
  setLists(argument: _vecshard_worker_v1_SetListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  setLists(argument: _vecshard_worker_v1_SetListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  setLists(argument: _vecshard_worker_v1_SetListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  setLists(argument: _vecshard_worker_v1_SetListsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_SetListsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sizes and counters of every collection the worker holds.
   */
  Stats(argument: _vecshard_worker_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _vecshard_worker_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _vecshard_worker_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _vecshard_worker_v1_StatsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sizes and counters of every collection the worker holds.
   */
  stats(argument: _vecshard_worker_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _vecshard_worker_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _vecshard_worker_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _vecshard_worker_v1_StatsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The copy may be stale (it missed a write, or it is leaving the shard):
   * it refuses direct client searches (vecshard.v1.ShardSearch) until it is
   * attached again.
   */
  StopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  StopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  StopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  StopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The copy may be stale (it missed a write, or it is leaving the shard):
   * it refuses direct client searches (vecshard.v1.ShardSearch) until it is
   * attached again.
   */
  stopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  stopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  stopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  stopDirectReads(argument: _vecshard_worker_v1_StopDirectReadsRequest, callback: grpc.requestCallback<_vecshard_worker_v1_StopDirectReadsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * A shard worker: holds inverted lists of collections in FAISS indexes.
 */
export interface ShardWorkerHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds vectors into given inverted lists, first removing any stored vector
   * whose id is in replace_ids.
   */
  AddPreassigned: grpc.handleUnaryCall<_vecshard_worker_v1_AddPreassignedRequest__Output, _vecshard_worker_v1_AddPreassignedResponse>;
  
  /**
   * Installs a collection's trained, empty template index with the lists the
   * worker owns. Attaching again replaces the collection (it starts empty).
   */
  Attach: grpc.handleUnaryCall<_vecshard_worker_v1_AttachRequest__Output, _vecshard_worker_v1_AttachResponse>;
  
  /**
   * Removes vectors by id.
   */
  Delete: grpc.handleUnaryCall<_vecshard_worker_v1_DeleteRequest__Output, _vecshard_worker_v1_DeleteResponse>;
  
  /**
   * Forgets a collection.
   */
  Drop: grpc.handleUnaryCall<_vecshard_worker_v1_DropRequest__Output, _vecshard_worker_v1_DropResponse>;
  
  /**
   * Streams the content of owned inverted lists, one message per list, for
   * snapshots. Streaming keeps one list in memory at a time, however large
   * the shard.
   */
  ExportLists: grpc.handleServerStreamingCall<_vecshard_worker_v1_ExportListsRequest__Output, _vecshard_worker_v1_ListContent>;
  
  /**
   * The write sequences a copy keeps for the rows of some of its lists and
   * for the ids it no longer holds (deleted, or moved to another shard), so
   * that the new owner of lists moving there refuses the same older writes.
   */
  ExportVersions: grpc.handleUnaryCall<_vecshard_worker_v1_ExportVersionsRequest__Output, _vecshard_worker_v1_RowVersions>;
  
  /**
   * Ends the loading of a collection attached with `loading`: from now on it
   * answers searches.
   */
  FinishLoading: grpc.handleUnaryCall<_vecshard_worker_v1_FinishLoadingRequest__Output, _vecshard_worker_v1_FinishLoadingResponse>;
  
  /**
   * Refuses writes routed by an epoch older than the one given, from now on:
   * while one coordinator copies the shard (a refill, a move), writes sent by
   * others are refused and routed again once the placement has switched.
   * Answers once the writes admitted before it have been applied.
   */
  HoldWrites: grpc.handleUnaryCall<_vecshard_worker_v1_HoldWritesRequest__Output, _vecshard_worker_v1_HoldWritesResponse>;
  
  /**
   * Replaces the content of owned inverted lists, for restores.
   */
  ImportLists: grpc.handleUnaryCall<_vecshard_worker_v1_ImportListsRequest__Output, _vecshard_worker_v1_ImportListsResponse>;
  
  /**
   * The sha256 and size each owned list's snapshot blob would have, so a
   * snapshot asks only for the lists it has not stored yet.
   */
  ListDigests: grpc.handleUnaryCall<_vecshard_worker_v1_ListDigestsRequest__Output, _vecshard_worker_v1_ListDigestsResponse>;
  
  /**
   * How many rows match a filter, in total and per owned list, for planning
   * a filtered search and for Count.
   */
  MatchStats: grpc.handleUnaryCall<_vecshard_worker_v1_MatchStatsRequest__Output, _vecshard_worker_v1_MatchStatsResponse>;
  
  /**
   * Rows by id, or the rows matching a filter by ascending id (a page): their
   * fields and, if asked, vectors.
   */
  ReadRows: grpc.handleUnaryCall<_vecshard_worker_v1_ReadRowsRequest__Output, _vecshard_worker_v1_ReadRowsResponse>;
  
  /**
   * Searches only the given lists of each query.
   */
  SearchPreassigned: grpc.handleUnaryCall<_vecshard_worker_v1_SearchPreassignedRequest__Output, _vecshard_worker_v1_SearchPreassignedResponse>;
  
  /**
   * Changes which inverted lists a shard owns: lists added start empty (fill
   * them with ImportLists), lists removed are emptied. Moves lists between
   * shards while serving.
   */
  SetLists: grpc.handleUnaryCall<_vecshard_worker_v1_SetListsRequest__Output, _vecshard_worker_v1_SetListsResponse>;
  
  /**
   * Sizes and counters of every collection the worker holds.
   */
  Stats: grpc.handleUnaryCall<_vecshard_worker_v1_StatsRequest__Output, _vecshard_worker_v1_StatsResponse>;
  
  /**
   * The copy may be stale (it missed a write, or it is leaving the shard):
   * it refuses direct client searches (vecshard.v1.ShardSearch) until it is
   * attached again.
   */
  StopDirectReads: grpc.handleUnaryCall<_vecshard_worker_v1_StopDirectReadsRequest__Output, _vecshard_worker_v1_StopDirectReadsResponse>;
  
}

export interface ShardWorkerDefinition extends grpc.ServiceDefinition {
  AddPreassigned: MethodDefinition<_vecshard_worker_v1_AddPreassignedRequest, _vecshard_worker_v1_AddPreassignedResponse, _vecshard_worker_v1_AddPreassignedRequest__Output, _vecshard_worker_v1_AddPreassignedResponse__Output>
  Attach: MethodDefinition<_vecshard_worker_v1_AttachRequest, _vecshard_worker_v1_AttachResponse, _vecshard_worker_v1_AttachRequest__Output, _vecshard_worker_v1_AttachResponse__Output>
  Delete: MethodDefinition<_vecshard_worker_v1_DeleteRequest, _vecshard_worker_v1_DeleteResponse, _vecshard_worker_v1_DeleteRequest__Output, _vecshard_worker_v1_DeleteResponse__Output>
  Drop: MethodDefinition<_vecshard_worker_v1_DropRequest, _vecshard_worker_v1_DropResponse, _vecshard_worker_v1_DropRequest__Output, _vecshard_worker_v1_DropResponse__Output>
  ExportLists: MethodDefinition<_vecshard_worker_v1_ExportListsRequest, _vecshard_worker_v1_ListContent, _vecshard_worker_v1_ExportListsRequest__Output, _vecshard_worker_v1_ListContent__Output>
  ExportVersions: MethodDefinition<_vecshard_worker_v1_ExportVersionsRequest, _vecshard_worker_v1_RowVersions, _vecshard_worker_v1_ExportVersionsRequest__Output, _vecshard_worker_v1_RowVersions__Output>
  FinishLoading: MethodDefinition<_vecshard_worker_v1_FinishLoadingRequest, _vecshard_worker_v1_FinishLoadingResponse, _vecshard_worker_v1_FinishLoadingRequest__Output, _vecshard_worker_v1_FinishLoadingResponse__Output>
  HoldWrites: MethodDefinition<_vecshard_worker_v1_HoldWritesRequest, _vecshard_worker_v1_HoldWritesResponse, _vecshard_worker_v1_HoldWritesRequest__Output, _vecshard_worker_v1_HoldWritesResponse__Output>
  ImportLists: MethodDefinition<_vecshard_worker_v1_ImportListsRequest, _vecshard_worker_v1_ImportListsResponse, _vecshard_worker_v1_ImportListsRequest__Output, _vecshard_worker_v1_ImportListsResponse__Output>
  ListDigests: MethodDefinition<_vecshard_worker_v1_ListDigestsRequest, _vecshard_worker_v1_ListDigestsResponse, _vecshard_worker_v1_ListDigestsRequest__Output, _vecshard_worker_v1_ListDigestsResponse__Output>
  MatchStats: MethodDefinition<_vecshard_worker_v1_MatchStatsRequest, _vecshard_worker_v1_MatchStatsResponse, _vecshard_worker_v1_MatchStatsRequest__Output, _vecshard_worker_v1_MatchStatsResponse__Output>
  ReadRows: MethodDefinition<_vecshard_worker_v1_ReadRowsRequest, _vecshard_worker_v1_ReadRowsResponse, _vecshard_worker_v1_ReadRowsRequest__Output, _vecshard_worker_v1_ReadRowsResponse__Output>
  SearchPreassigned: MethodDefinition<_vecshard_worker_v1_SearchPreassignedRequest, _vecshard_worker_v1_SearchPreassignedResponse, _vecshard_worker_v1_SearchPreassignedRequest__Output, _vecshard_worker_v1_SearchPreassignedResponse__Output>
  SetLists: MethodDefinition<_vecshard_worker_v1_SetListsRequest, _vecshard_worker_v1_SetListsResponse, _vecshard_worker_v1_SetListsRequest__Output, _vecshard_worker_v1_SetListsResponse__Output>
  Stats: MethodDefinition<_vecshard_worker_v1_StatsRequest, _vecshard_worker_v1_StatsResponse, _vecshard_worker_v1_StatsRequest__Output, _vecshard_worker_v1_StatsResponse__Output>
  StopDirectReads: MethodDefinition<_vecshard_worker_v1_StopDirectReadsRequest, _vecshard_worker_v1_StopDirectReadsResponse, _vecshard_worker_v1_StopDirectReadsRequest__Output, _vecshard_worker_v1_StopDirectReadsResponse__Output>
}
