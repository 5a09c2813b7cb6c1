import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClusterStatusRequest as _vecshard_v1_ClusterStatusRequest, ClusterStatusRequest__Output as _vecshard_v1_ClusterStatusRequest__Output } from './vecshard/v1/ClusterStatusRequest.js';
import type { ClusterStatusResponse as _vecshard_v1_ClusterStatusResponse, ClusterStatusResponse__Output as _vecshard_v1_ClusterStatusResponse__Output } from './vecshard/v1/ClusterStatusResponse.js';
import type { CollectionInfo as _vecshard_v1_CollectionInfo, CollectionInfo__Output as _vecshard_v1_CollectionInfo__Output } from './vecshard/v1/CollectionInfo.js';
import type { Condition as _vecshard_v1_Condition, Condition__Output as _vecshard_v1_Condition__Output } from './vecshard/v1/Condition.js';
import type { CountRequest as _vecshard_v1_CountRequest, CountRequest__Output as _vecshard_v1_CountRequest__Output } from './vecshard/v1/CountRequest.js';
import type { CountResponse as _vecshard_v1_CountResponse, CountResponse__Output as _vecshard_v1_CountResponse__Output } from './vecshard/v1/CountResponse.js';
import type { CreateCollectionRequest as _vecshard_v1_CreateCollectionRequest, CreateCollectionRequest__Output as _vecshard_v1_CreateCollectionRequest__Output } from './vecshard/v1/CreateCollectionRequest.js';
import type { CreateCollectionResponse as _vecshard_v1_CreateCollectionResponse, CreateCollectionResponse__Output as _vecshard_v1_CreateCollectionResponse__Output } from './vecshard/v1/CreateCollectionResponse.js';
import type { DeleteRequest as _vecshard_v1_DeleteRequest, DeleteRequest__Output as _vecshard_v1_DeleteRequest__Output } from './vecshard/v1/DeleteRequest.js';
import type { DeleteResponse as _vecshard_v1_DeleteResponse, DeleteResponse__Output as _vecshard_v1_DeleteResponse__Output } from './vecshard/v1/DeleteResponse.js';
import type { DrainWorkerRequest as _vecshard_v1_DrainWorkerRequest, DrainWorkerRequest__Output as _vecshard_v1_DrainWorkerRequest__Output } from './vecshard/v1/DrainWorkerRequest.js';
import type { DropCollectionRequest as _vecshard_v1_DropCollectionRequest, DropCollectionRequest__Output as _vecshard_v1_DropCollectionRequest__Output } from './vecshard/v1/DropCollectionRequest.js';
import type { DropCollectionResponse as _vecshard_v1_DropCollectionResponse, DropCollectionResponse__Output as _vecshard_v1_DropCollectionResponse__Output } from './vecshard/v1/DropCollectionResponse.js';
import type { FieldColumn as _vecshard_v1_FieldColumn, FieldColumn__Output as _vecshard_v1_FieldColumn__Output } from './vecshard/v1/FieldColumn.js';
import type { FieldSchema as _vecshard_v1_FieldSchema, FieldSchema__Output as _vecshard_v1_FieldSchema__Output } from './vecshard/v1/FieldSchema.js';
import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from './vecshard/v1/Filter.js';
import type { GetCollectionRequest as _vecshard_v1_GetCollectionRequest, GetCollectionRequest__Output as _vecshard_v1_GetCollectionRequest__Output } from './vecshard/v1/GetCollectionRequest.js';
import type { GetCollectionResponse as _vecshard_v1_GetCollectionResponse, GetCollectionResponse__Output as _vecshard_v1_GetCollectionResponse__Output } from './vecshard/v1/GetCollectionResponse.js';
import type { GetJobRequest as _vecshard_v1_GetJobRequest, GetJobRequest__Output as _vecshard_v1_GetJobRequest__Output } from './vecshard/v1/GetJobRequest.js';
import type { GetRequest as _vecshard_v1_GetRequest, GetRequest__Output as _vecshard_v1_GetRequest__Output } from './vecshard/v1/GetRequest.js';
import type { GetResponse as _vecshard_v1_GetResponse, GetResponse__Output as _vecshard_v1_GetResponse__Output } from './vecshard/v1/GetResponse.js';
import type { GetRoutingTableRequest as _vecshard_v1_GetRoutingTableRequest, GetRoutingTableRequest__Output as _vecshard_v1_GetRoutingTableRequest__Output } from './vecshard/v1/GetRoutingTableRequest.js';
import type { ImportRequest as _vecshard_v1_ImportRequest, ImportRequest__Output as _vecshard_v1_ImportRequest__Output } from './vecshard/v1/ImportRequest.js';
import type { Job as _vecshard_v1_Job, Job__Output as _vecshard_v1_Job__Output } from './vecshard/v1/Job.js';
import type { KeywordSet as _vecshard_v1_KeywordSet, KeywordSet__Output as _vecshard_v1_KeywordSet__Output } from './vecshard/v1/KeywordSet.js';
import type { ListCollectionsRequest as _vecshard_v1_ListCollectionsRequest, ListCollectionsRequest__Output as _vecshard_v1_ListCollectionsRequest__Output } from './vecshard/v1/ListCollectionsRequest.js';
import type { ListCollectionsResponse as _vecshard_v1_ListCollectionsResponse, ListCollectionsResponse__Output as _vecshard_v1_ListCollectionsResponse__Output } from './vecshard/v1/ListCollectionsResponse.js';
import type { ListSnapshotsRequest as _vecshard_v1_ListSnapshotsRequest, ListSnapshotsRequest__Output as _vecshard_v1_ListSnapshotsRequest__Output } from './vecshard/v1/ListSnapshotsRequest.js';
import type { ListSnapshotsResponse as _vecshard_v1_ListSnapshotsResponse, ListSnapshotsResponse__Output as _vecshard_v1_ListSnapshotsResponse__Output } from './vecshard/v1/ListSnapshotsResponse.js';
import type { Match as _vecshard_v1_Match, Match__Output as _vecshard_v1_Match__Output } from './vecshard/v1/Match.js';
import type { QueryRequest as _vecshard_v1_QueryRequest, QueryRequest__Output as _vecshard_v1_QueryRequest__Output } from './vecshard/v1/QueryRequest.js';
import type { QueryResponse as _vecshard_v1_QueryResponse, QueryResponse__Output as _vecshard_v1_QueryResponse__Output } from './vecshard/v1/QueryResponse.js';
import type { Range as _vecshard_v1_Range, Range__Output as _vecshard_v1_Range__Output } from './vecshard/v1/Range.js';
import type { RebalanceRequest as _vecshard_v1_RebalanceRequest, RebalanceRequest__Output as _vecshard_v1_RebalanceRequest__Output } from './vecshard/v1/RebalanceRequest.js';
import type { ReplicaInfo as _vecshard_v1_ReplicaInfo, ReplicaInfo__Output as _vecshard_v1_ReplicaInfo__Output } from './vecshard/v1/ReplicaInfo.js';
import type { RestoreRequest as _vecshard_v1_RestoreRequest, RestoreRequest__Output as _vecshard_v1_RestoreRequest__Output } from './vecshard/v1/RestoreRequest.js';
import type { RoutingShard as _vecshard_v1_RoutingShard, RoutingShard__Output as _vecshard_v1_RoutingShard__Output } from './vecshard/v1/RoutingShard.js';
import type { RoutingTable as _vecshard_v1_RoutingTable, RoutingTable__Output as _vecshard_v1_RoutingTable__Output } from './vecshard/v1/RoutingTable.js';
import type { SearchRequest as _vecshard_v1_SearchRequest, SearchRequest__Output as _vecshard_v1_SearchRequest__Output } from './vecshard/v1/SearchRequest.js';
import type { SearchResponse as _vecshard_v1_SearchResponse, SearchResponse__Output as _vecshard_v1_SearchResponse__Output } from './vecshard/v1/SearchResponse.js';
import type { ShardInfo as _vecshard_v1_ShardInfo, ShardInfo__Output as _vecshard_v1_ShardInfo__Output } from './vecshard/v1/ShardInfo.js';
import type { SnapshotInfo as _vecshard_v1_SnapshotInfo, SnapshotInfo__Output as _vecshard_v1_SnapshotInfo__Output } from './vecshard/v1/SnapshotInfo.js';
import type { SnapshotRequest as _vecshard_v1_SnapshotRequest, SnapshotRequest__Output as _vecshard_v1_SnapshotRequest__Output } from './vecshard/v1/SnapshotRequest.js';
import type { TrainFromFileRequest as _vecshard_v1_TrainFromFileRequest, TrainFromFileRequest__Output as _vecshard_v1_TrainFromFileRequest__Output } from './vecshard/v1/TrainFromFileRequest.js';
import type { TrainRequest as _vecshard_v1_TrainRequest, TrainRequest__Output as _vecshard_v1_TrainRequest__Output } from './vecshard/v1/TrainRequest.js';
import type { TrainResponse as _vecshard_v1_TrainResponse, TrainResponse__Output as _vecshard_v1_TrainResponse__Output } from './vecshard/v1/TrainResponse.js';
import type { UpsertRequest as _vecshard_v1_UpsertRequest, UpsertRequest__Output as _vecshard_v1_UpsertRequest__Output } from './vecshard/v1/UpsertRequest.js';
import type { UpsertResponse as _vecshard_v1_UpsertResponse, UpsertResponse__Output as _vecshard_v1_UpsertResponse__Output } from './vecshard/v1/UpsertResponse.js';
import type { VecshardClient as _vecshard_v1_VecshardClient, VecshardDefinition as _vecshard_v1_VecshardDefinition } from './vecshard/v1/Vecshard.js';
import type { WorkerStatus as _vecshard_v1_WorkerStatus, WorkerStatus__Output as _vecshard_v1_WorkerStatus__Output } from './vecshard/v1/WorkerStatus.js';
import type { AddPreassignedRequest as _vecshard_worker_v1_AddPreassignedRequest, AddPreassignedRequest__Output as _vecshard_worker_v1_AddPreassignedRequest__Output } from './vecshard/worker/v1/AddPreassignedRequest.js';
import type { AddPreassignedResponse as _vecshard_worker_v1_AddPreassignedResponse, AddPreassignedResponse__Output as _vecshard_worker_v1_AddPreassignedResponse__Output } from './vecshard/worker/v1/AddPreassignedResponse.js';
import type { AttachRequest as _vecshard_worker_v1_AttachRequest, AttachRequest__Output as _vecshard_worker_v1_AttachRequest__Output } from './vecshard/worker/v1/AttachRequest.js';
import type { AttachResponse as _vecshard_worker_v1_AttachResponse, AttachResponse__Output as _vecshard_worker_v1_AttachResponse__Output } from './vecshard/worker/v1/AttachResponse.js';
import type { CollectionStats as _vecshard_worker_v1_CollectionStats, CollectionStats__Output as _vecshard_worker_v1_CollectionStats__Output } from './vecshard/worker/v1/CollectionStats.js';
import type { DeleteRequest as _vecshard_worker_v1_DeleteRequest, DeleteRequest__Output as _vecshard_worker_v1_DeleteRequest__Output } from './vecshard/worker/v1/DeleteRequest.js';
import type { DeleteResponse as _vecshard_worker_v1_DeleteResponse, DeleteResponse__Output as _vecshard_worker_v1_DeleteResponse__Output } from './vecshard/worker/v1/DeleteResponse.js';
import type { DropRequest as _vecshard_worker_v1_DropRequest, DropRequest__Output as _vecshard_worker_v1_DropRequest__Output } from './vecshard/worker/v1/DropRequest.js';
import type { DropResponse as _vecshard_worker_v1_DropResponse, DropResponse__Output as _vecshard_worker_v1_DropResponse__Output } from './vecshard/worker/v1/DropResponse.js';
import type { ExportListsRequest as _vecshard_worker_v1_ExportListsRequest, ExportListsRequest__Output as _vecshard_worker_v1_ExportListsRequest__Output } from './vecshard/worker/v1/ExportListsRequest.js';
import type { ExportVersionsRequest as _vecshard_worker_v1_ExportVersionsRequest, ExportVersionsRequest__Output as _vecshard_worker_v1_ExportVersionsRequest__Output } from './vecshard/worker/v1/ExportVersionsRequest.js';
import type { FinishLoadingRequest as _vecshard_worker_v1_FinishLoadingRequest, FinishLoadingRequest__Output as _vecshard_worker_v1_FinishLoadingRequest__Output } from './vecshard/worker/v1/FinishLoadingRequest.js';
import type { FinishLoadingResponse as _vecshard_worker_v1_FinishLoadingResponse, FinishLoadingResponse__Output as _vecshard_worker_v1_FinishLoadingResponse__Output } from './vecshard/worker/v1/FinishLoadingResponse.js';
import type { HoldWritesRequest as _vecshard_worker_v1_HoldWritesRequest, HoldWritesRequest__Output as _vecshard_worker_v1_HoldWritesRequest__Output } from './vecshard/worker/v1/HoldWritesRequest.js';
import type { HoldWritesResponse as _vecshard_worker_v1_HoldWritesResponse, HoldWritesResponse__Output as _vecshard_worker_v1_HoldWritesResponse__Output } from './vecshard/worker/v1/HoldWritesResponse.js';
import type { ImportListsRequest as _vecshard_worker_v1_ImportListsRequest, ImportListsRequest__Output as _vecshard_worker_v1_ImportListsRequest__Output } from './vecshard/worker/v1/ImportListsRequest.js';
import type { ImportListsResponse as _vecshard_worker_v1_ImportListsResponse, ImportListsResponse__Output as _vecshard_worker_v1_ImportListsResponse__Output } from './vecshard/worker/v1/ImportListsResponse.js';
import type { ListContent as _vecshard_worker_v1_ListContent, ListContent__Output as _vecshard_worker_v1_ListContent__Output } from './vecshard/worker/v1/ListContent.js';
import type { ListDigest as _vecshard_worker_v1_ListDigest, ListDigest__Output as _vecshard_worker_v1_ListDigest__Output } from './vecshard/worker/v1/ListDigest.js';
import type { ListDigestsRequest as _vecshard_worker_v1_ListDigestsRequest, ListDigestsRequest__Output as _vecshard_worker_v1_ListDigestsRequest__Output } from './vecshard/worker/v1/ListDigestsRequest.js';
import type { ListDigestsResponse as _vecshard_worker_v1_ListDigestsResponse, ListDigestsResponse__Output as _vecshard_worker_v1_ListDigestsResponse__Output } from './vecshard/worker/v1/ListDigestsResponse.js';
import type { MatchStatsRequest as _vecshard_worker_v1_MatchStatsRequest, MatchStatsRequest__Output as _vecshard_worker_v1_MatchStatsRequest__Output } from './vecshard/worker/v1/MatchStatsRequest.js';
import type { MatchStatsResponse as _vecshard_worker_v1_MatchStatsResponse, MatchStatsResponse__Output as _vecshard_worker_v1_MatchStatsResponse__Output } from './vecshard/worker/v1/MatchStatsResponse.js';
import type { ReadRowsRequest as _vecshard_worker_v1_ReadRowsRequest, ReadRowsRequest__Output as _vecshard_worker_v1_ReadRowsRequest__Output } from './vecshard/worker/v1/ReadRowsRequest.js';
import type { ReadRowsResponse as _vecshard_worker_v1_ReadRowsResponse, ReadRowsResponse__Output as _vecshard_worker_v1_ReadRowsResponse__Output } from './vecshard/worker/v1/ReadRowsResponse.js';
import type { RowVersions as _vecshard_worker_v1_RowVersions, RowVersions__Output as _vecshard_worker_v1_RowVersions__Output } from './vecshard/worker/v1/RowVersions.js';
import type { SearchPreassignedRequest as _vecshard_worker_v1_SearchPreassignedRequest, SearchPreassignedRequest__Output as _vecshard_worker_v1_SearchPreassignedRequest__Output } from './vecshard/worker/v1/SearchPreassignedRequest.js';
import type { SearchPreassignedResponse as _vecshard_worker_v1_SearchPreassignedResponse, SearchPreassignedResponse__Output as _vecshard_worker_v1_SearchPreassignedResponse__Output } from './vecshard/worker/v1/SearchPreassignedResponse.js';
import type { SetListsRequest as _vecshard_worker_v1_SetListsRequest, SetListsRequest__Output as _vecshard_worker_v1_SetListsRequest__Output } from './vecshard/worker/v1/SetListsRequest.js';
import type { SetListsResponse as _vecshard_worker_v1_SetListsResponse, SetListsResponse__Output as _vecshard_worker_v1_SetListsResponse__Output } from './vecshard/worker/v1/SetListsResponse.js';
import type { ShardWorkerClient as _vecshard_worker_v1_ShardWorkerClient, ShardWorkerDefinition as _vecshard_worker_v1_ShardWorkerDefinition } from './vecshard/worker/v1/ShardWorker.js';
import type { StatsRequest as _vecshard_worker_v1_StatsRequest, StatsRequest__Output as _vecshard_worker_v1_StatsRequest__Output } from './vecshard/worker/v1/StatsRequest.js';
import type { StatsResponse as _vecshard_worker_v1_StatsResponse, StatsResponse__Output as _vecshard_worker_v1_StatsResponse__Output } from './vecshard/worker/v1/StatsResponse.js';
import type { StopDirectReadsRequest as _vecshard_worker_v1_StopDirectReadsRequest, StopDirectReadsRequest__Output as _vecshard_worker_v1_StopDirectReadsRequest__Output } from './vecshard/worker/v1/StopDirectReadsRequest.js';
import type { StopDirectReadsResponse as _vecshard_worker_v1_StopDirectReadsResponse, StopDirectReadsResponse__Output as _vecshard_worker_v1_StopDirectReadsResponse__Output } from './vecshard/worker/v1/StopDirectReadsResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  vecshard: {
    v1: {
      ClusterStatusRequest: MessageTypeDefinition<_vecshard_v1_ClusterStatusRequest, _vecshard_v1_ClusterStatusRequest__Output>
      ClusterStatusResponse: MessageTypeDefinition<_vecshard_v1_ClusterStatusResponse, _vecshard_v1_ClusterStatusResponse__Output>
      CollectionInfo: MessageTypeDefinition<_vecshard_v1_CollectionInfo, _vecshard_v1_CollectionInfo__Output>
      CollectionState: EnumTypeDefinition
      Condition: MessageTypeDefinition<_vecshard_v1_Condition, _vecshard_v1_Condition__Output>
      CountRequest: MessageTypeDefinition<_vecshard_v1_CountRequest, _vecshard_v1_CountRequest__Output>
      CountResponse: MessageTypeDefinition<_vecshard_v1_CountResponse, _vecshard_v1_CountResponse__Output>
      CreateCollectionRequest: MessageTypeDefinition<_vecshard_v1_CreateCollectionRequest, _vecshard_v1_CreateCollectionRequest__Output>
      CreateCollectionResponse: MessageTypeDefinition<_vecshard_v1_CreateCollectionResponse, _vecshard_v1_CreateCollectionResponse__Output>
      DeleteRequest: MessageTypeDefinition<_vecshard_v1_DeleteRequest, _vecshard_v1_DeleteRequest__Output>
      DeleteResponse: MessageTypeDefinition<_vecshard_v1_DeleteResponse, _vecshard_v1_DeleteResponse__Output>
      DrainWorkerRequest: MessageTypeDefinition<_vecshard_v1_DrainWorkerRequest, _vecshard_v1_DrainWorkerRequest__Output>
      DropCollectionRequest: MessageTypeDefinition<_vecshard_v1_DropCollectionRequest, _vecshard_v1_DropCollectionRequest__Output>
      DropCollectionResponse: MessageTypeDefinition<_vecshard_v1_DropCollectionResponse, _vecshard_v1_DropCollectionResponse__Output>
      FieldColumn: MessageTypeDefinition<_vecshard_v1_FieldColumn, _vecshard_v1_FieldColumn__Output>
      FieldSchema: MessageTypeDefinition<_vecshard_v1_FieldSchema, _vecshard_v1_FieldSchema__Output>
      FieldType: EnumTypeDefinition
      Filter: MessageTypeDefinition<_vecshard_v1_Filter, _vecshard_v1_Filter__Output>
      GetCollectionRequest: MessageTypeDefinition<_vecshard_v1_GetCollectionRequest, _vecshard_v1_GetCollectionRequest__Output>
      GetCollectionResponse: MessageTypeDefinition<_vecshard_v1_GetCollectionResponse, _vecshard_v1_GetCollectionResponse__Output>
      GetJobRequest: MessageTypeDefinition<_vecshard_v1_GetJobRequest, _vecshard_v1_GetJobRequest__Output>
      GetRequest: MessageTypeDefinition<_vecshard_v1_GetRequest, _vecshard_v1_GetRequest__Output>
      GetResponse: MessageTypeDefinition<_vecshard_v1_GetResponse, _vecshard_v1_GetResponse__Output>
      GetRoutingTableRequest: MessageTypeDefinition<_vecshard_v1_GetRoutingTableRequest, _vecshard_v1_GetRoutingTableRequest__Output>
      ImportRequest: MessageTypeDefinition<_vecshard_v1_ImportRequest, _vecshard_v1_ImportRequest__Output>
      Job: MessageTypeDefinition<_vecshard_v1_Job, _vecshard_v1_Job__Output>
      JobState: EnumTypeDefinition
      KeywordSet: MessageTypeDefinition<_vecshard_v1_KeywordSet, _vecshard_v1_KeywordSet__Output>
      ListCollectionsRequest: MessageTypeDefinition<_vecshard_v1_ListCollectionsRequest, _vecshard_v1_ListCollectionsRequest__Output>
      ListCollectionsResponse: MessageTypeDefinition<_vecshard_v1_ListCollectionsResponse, _vecshard_v1_ListCollectionsResponse__Output>
      ListSnapshotsRequest: MessageTypeDefinition<_vecshard_v1_ListSnapshotsRequest, _vecshard_v1_ListSnapshotsRequest__Output>
      ListSnapshotsResponse: MessageTypeDefinition<_vecshard_v1_ListSnapshotsResponse, _vecshard_v1_ListSnapshotsResponse__Output>
      Match: MessageTypeDefinition<_vecshard_v1_Match, _vecshard_v1_Match__Output>
      Metric: EnumTypeDefinition
      PlacementPolicy: EnumTypeDefinition
      QueryRequest: MessageTypeDefinition<_vecshard_v1_QueryRequest, _vecshard_v1_QueryRequest__Output>
      QueryResponse: MessageTypeDefinition<_vecshard_v1_QueryResponse, _vecshard_v1_QueryResponse__Output>
      Range: MessageTypeDefinition<_vecshard_v1_Range, _vecshard_v1_Range__Output>
      RebalanceRequest: MessageTypeDefinition<_vecshard_v1_RebalanceRequest, _vecshard_v1_RebalanceRequest__Output>
      ReplicaInfo: MessageTypeDefinition<_vecshard_v1_ReplicaInfo, _vecshard_v1_ReplicaInfo__Output>
      ReplicaState: EnumTypeDefinition
      RestoreRequest: MessageTypeDefinition<_vecshard_v1_RestoreRequest, _vecshard_v1_RestoreRequest__Output>
      Routing: EnumTypeDefinition
      RoutingShard: MessageTypeDefinition<_vecshard_v1_RoutingShard, _vecshard_v1_RoutingShard__Output>
      RoutingTable: MessageTypeDefinition<_vecshard_v1_RoutingTable, _vecshard_v1_RoutingTable__Output>
      SearchRequest: MessageTypeDefinition<_vecshard_v1_SearchRequest, _vecshard_v1_SearchRequest__Output>
      SearchResponse: MessageTypeDefinition<_vecshard_v1_SearchResponse, _vecshard_v1_SearchResponse__Output>
      ShardInfo: MessageTypeDefinition<_vecshard_v1_ShardInfo, _vecshard_v1_ShardInfo__Output>
      SnapshotInfo: MessageTypeDefinition<_vecshard_v1_SnapshotInfo, _vecshard_v1_SnapshotInfo__Output>
      SnapshotRequest: MessageTypeDefinition<_vecshard_v1_SnapshotRequest, _vecshard_v1_SnapshotRequest__Output>
      TrainFromFileRequest: MessageTypeDefinition<_vecshard_v1_TrainFromFileRequest, _vecshard_v1_TrainFromFileRequest__Output>
      TrainRequest: MessageTypeDefinition<_vecshard_v1_TrainRequest, _vecshard_v1_TrainRequest__Output>
      TrainResponse: MessageTypeDefinition<_vecshard_v1_TrainResponse, _vecshard_v1_TrainResponse__Output>
      UpsertRequest: MessageTypeDefinition<_vecshard_v1_UpsertRequest, _vecshard_v1_UpsertRequest__Output>
      UpsertResponse: MessageTypeDefinition<_vecshard_v1_UpsertResponse, _vecshard_v1_UpsertResponse__Output>
      /**
       * The vecshard service, served by the coordinator.
       */
      Vecshard: SubtypeConstructor<typeof grpc.Client, _vecshard_v1_VecshardClient> & { service: _vecshard_v1_VecshardDefinition }
      WorkerStatus: MessageTypeDefinition<_vecshard_v1_WorkerStatus, _vecshard_v1_WorkerStatus__Output>
    }
    worker: {
      v1: {
        AddPreassignedRequest: MessageTypeDefinition<_vecshard_worker_v1_AddPreassignedRequest, _vecshard_worker_v1_AddPreassignedRequest__Output>
        AddPreassignedResponse: MessageTypeDefinition<_vecshard_worker_v1_AddPreassignedResponse, _vecshard_worker_v1_AddPreassignedResponse__Output>
        AttachRequest: MessageTypeDefinition<_vecshard_worker_v1_AttachRequest, _vecshard_worker_v1_AttachRequest__Output>
        AttachResponse: MessageTypeDefinition<_vecshard_worker_v1_AttachResponse, _vecshard_worker_v1_AttachResponse__Output>
        CollectionStats: MessageTypeDefinition<_vecshard_worker_v1_CollectionStats, _vecshard_worker_v1_CollectionStats__Output>
        DeleteRequest: MessageTypeDefinition<_vecshard_worker_v1_DeleteRequest, _vecshard_worker_v1_DeleteRequest__Output>
        DeleteResponse: MessageTypeDefinition<_vecshard_worker_v1_DeleteResponse, _vecshard_worker_v1_DeleteResponse__Output>
        DropRequest: MessageTypeDefinition<_vecshard_worker_v1_DropRequest, _vecshard_worker_v1_DropRequest__Output>
        DropResponse: MessageTypeDefinition<_vecshard_worker_v1_DropResponse, _vecshard_worker_v1_DropResponse__Output>
        ExportListsRequest: MessageTypeDefinition<_vecshard_worker_v1_ExportListsRequest, _vecshard_worker_v1_ExportListsRequest__Output>
        ExportVersionsRequest: MessageTypeDefinition<_vecshard_worker_v1_ExportVersionsRequest, _vecshard_worker_v1_ExportVersionsRequest__Output>
        FinishLoadingRequest: MessageTypeDefinition<_vecshard_worker_v1_FinishLoadingRequest, _vecshard_worker_v1_FinishLoadingRequest__Output>
        FinishLoadingResponse: MessageTypeDefinition<_vecshard_worker_v1_FinishLoadingResponse, _vecshard_worker_v1_FinishLoadingResponse__Output>
        HoldWritesRequest: MessageTypeDefinition<_vecshard_worker_v1_HoldWritesRequest, _vecshard_worker_v1_HoldWritesRequest__Output>
        HoldWritesResponse: MessageTypeDefinition<_vecshard_worker_v1_HoldWritesResponse, _vecshard_worker_v1_HoldWritesResponse__Output>
        ImportListsRequest: MessageTypeDefinition<_vecshard_worker_v1_ImportListsRequest, _vecshard_worker_v1_ImportListsRequest__Output>
        ImportListsResponse: MessageTypeDefinition<_vecshard_worker_v1_ImportListsResponse, _vecshard_worker_v1_ImportListsResponse__Output>
        ListContent: MessageTypeDefinition<_vecshard_worker_v1_ListContent, _vecshard_worker_v1_ListContent__Output>
        ListDigest: MessageTypeDefinition<_vecshard_worker_v1_ListDigest, _vecshard_worker_v1_ListDigest__Output>
        ListDigestsRequest: MessageTypeDefinition<_vecshard_worker_v1_ListDigestsRequest, _vecshard_worker_v1_ListDigestsRequest__Output>
        ListDigestsResponse: MessageTypeDefinition<_vecshard_worker_v1_ListDigestsResponse, _vecshard_worker_v1_ListDigestsResponse__Output>
        MatchStatsRequest: MessageTypeDefinition<_vecshard_worker_v1_MatchStatsRequest, _vecshard_worker_v1_MatchStatsRequest__Output>
        MatchStatsResponse: MessageTypeDefinition<_vecshard_worker_v1_MatchStatsResponse, _vecshard_worker_v1_MatchStatsResponse__Output>
        Metric: EnumTypeDefinition
        ReadRowsRequest: MessageTypeDefinition<_vecshard_worker_v1_ReadRowsRequest, _vecshard_worker_v1_ReadRowsRequest__Output>
        ReadRowsResponse: MessageTypeDefinition<_vecshard_worker_v1_ReadRowsResponse, _vecshard_worker_v1_ReadRowsResponse__Output>
        RowVersions: MessageTypeDefinition<_vecshard_worker_v1_RowVersions, _vecshard_worker_v1_RowVersions__Output>
        SearchPreassignedRequest: MessageTypeDefinition<_vecshard_worker_v1_SearchPreassignedRequest, _vecshard_worker_v1_SearchPreassignedRequest__Output>
        SearchPreassignedResponse: MessageTypeDefinition<_vecshard_worker_v1_SearchPreassignedResponse, _vecshard_worker_v1_SearchPreassignedResponse__Output>
        SetListsRequest: MessageTypeDefinition<_vecshard_worker_v1_SetListsRequest, _vecshard_worker_v1_SetListsRequest__Output>
        SetListsResponse: MessageTypeDefinition<_vecshard_worker_v1_SetListsResponse, _vecshard_worker_v1_SetListsResponse__Output>
        /**
         * A shard worker: holds inverted lists of collections in FAISS indexes.
         */
        ShardWorker: SubtypeConstructor<typeof grpc.Client, _vecshard_worker_v1_ShardWorkerClient> & { service: _vecshard_worker_v1_ShardWorkerDefinition }
        StatsRequest: MessageTypeDefinition<_vecshard_worker_v1_StatsRequest, _vecshard_worker_v1_StatsRequest__Output>
        StatsResponse: MessageTypeDefinition<_vecshard_worker_v1_StatsResponse, _vecshard_worker_v1_StatsResponse__Output>
        StopDirectReadsRequest: MessageTypeDefinition<_vecshard_worker_v1_StopDirectReadsRequest, _vecshard_worker_v1_StopDirectReadsRequest__Output>
        StopDirectReadsResponse: MessageTypeDefinition<_vecshard_worker_v1_StopDirectReadsResponse, _vecshard_worker_v1_StopDirectReadsResponse__Output>
      }
    }
  }
}

