// Friendly names for the generated message and service types (src/generated, from proto/).
// Public API types keep their names; internal worker types are prefixed with Worker.
export type {
  ClusterStatusRequest,
  ClusterStatusRequest__Output,
} from './generated/vecshard/v1/ClusterStatusRequest.js';
export type {
  ClusterStatusResponse,
  ClusterStatusResponse__Output,
} from './generated/vecshard/v1/ClusterStatusResponse.js';
export type { CollectionInfo, CollectionInfo__Output } from './generated/vecshard/v1/CollectionInfo.js';
export type { CollectionState, CollectionState__Output } from './generated/vecshard/v1/CollectionState.js';
export type { Condition, Condition__Output } from './generated/vecshard/v1/Condition.js';
export type { CountRequest, CountRequest__Output } from './generated/vecshard/v1/CountRequest.js';
export type { CountResponse, CountResponse__Output } from './generated/vecshard/v1/CountResponse.js';
export type {
  CreateCollectionRequest,
  CreateCollectionRequest__Output,
} from './generated/vecshard/v1/CreateCollectionRequest.js';
export type {
  CreateCollectionResponse,
  CreateCollectionResponse__Output,
} from './generated/vecshard/v1/CreateCollectionResponse.js';
export type { DeleteRequest, DeleteRequest__Output } from './generated/vecshard/v1/DeleteRequest.js';
export type { DeleteResponse, DeleteResponse__Output } from './generated/vecshard/v1/DeleteResponse.js';
export type {
  DrainWorkerRequest,
  DrainWorkerRequest__Output,
} from './generated/vecshard/v1/DrainWorkerRequest.js';
export type {
  DropCollectionRequest,
  DropCollectionRequest__Output,
} from './generated/vecshard/v1/DropCollectionRequest.js';
export type {
  DropCollectionResponse,
  DropCollectionResponse__Output,
} from './generated/vecshard/v1/DropCollectionResponse.js';
export type { FieldColumn, FieldColumn__Output } from './generated/vecshard/v1/FieldColumn.js';
export type { FieldSchema, FieldSchema__Output } from './generated/vecshard/v1/FieldSchema.js';
export type { FieldType, FieldType__Output } from './generated/vecshard/v1/FieldType.js';
export type { Filter, Filter__Output } from './generated/vecshard/v1/Filter.js';
export type {
  GetCollectionRequest,
  GetCollectionRequest__Output,
} from './generated/vecshard/v1/GetCollectionRequest.js';
export type {
  GetCollectionResponse,
  GetCollectionResponse__Output,
} from './generated/vecshard/v1/GetCollectionResponse.js';
export type { GetJobRequest, GetJobRequest__Output } from './generated/vecshard/v1/GetJobRequest.js';
export type { GetRequest, GetRequest__Output } from './generated/vecshard/v1/GetRequest.js';
export type { GetResponse, GetResponse__Output } from './generated/vecshard/v1/GetResponse.js';
export type {
  GetRoutingTableRequest,
  GetRoutingTableRequest__Output,
} from './generated/vecshard/v1/GetRoutingTableRequest.js';
export type { ImportRequest, ImportRequest__Output } from './generated/vecshard/v1/ImportRequest.js';
export type { Job, Job__Output } from './generated/vecshard/v1/Job.js';
export type { JobState, JobState__Output } from './generated/vecshard/v1/JobState.js';
export type { KeywordSet, KeywordSet__Output } from './generated/vecshard/v1/KeywordSet.js';
export type {
  ListCollectionsRequest,
  ListCollectionsRequest__Output,
} from './generated/vecshard/v1/ListCollectionsRequest.js';
export type {
  ListCollectionsResponse,
  ListCollectionsResponse__Output,
} from './generated/vecshard/v1/ListCollectionsResponse.js';
export type {
  ListSnapshotsRequest,
  ListSnapshotsRequest__Output,
} from './generated/vecshard/v1/ListSnapshotsRequest.js';
export type {
  ListSnapshotsResponse,
  ListSnapshotsResponse__Output,
} from './generated/vecshard/v1/ListSnapshotsResponse.js';
export type { Match, Match__Output } from './generated/vecshard/v1/Match.js';
export type { Metric, Metric__Output } from './generated/vecshard/v1/Metric.js';
export type { PlacementPolicy, PlacementPolicy__Output } from './generated/vecshard/v1/PlacementPolicy.js';
export type { QueryRequest, QueryRequest__Output } from './generated/vecshard/v1/QueryRequest.js';
export type { QueryResponse, QueryResponse__Output } from './generated/vecshard/v1/QueryResponse.js';
export type { Range, Range__Output } from './generated/vecshard/v1/Range.js';
export type { RebalanceRequest, RebalanceRequest__Output } from './generated/vecshard/v1/RebalanceRequest.js';
export type { ReplicaInfo, ReplicaInfo__Output } from './generated/vecshard/v1/ReplicaInfo.js';
export type { ReplicaState, ReplicaState__Output } from './generated/vecshard/v1/ReplicaState.js';
export type { RestoreRequest, RestoreRequest__Output } from './generated/vecshard/v1/RestoreRequest.js';
export type { Routing, Routing__Output } from './generated/vecshard/v1/Routing.js';
export type { RoutingShard, RoutingShard__Output } from './generated/vecshard/v1/RoutingShard.js';
export type { RoutingTable, RoutingTable__Output } from './generated/vecshard/v1/RoutingTable.js';
export type {
  SearchListsRequest,
  SearchListsRequest__Output,
} from './generated/vecshard/v1/SearchListsRequest.js';
export type {
  SearchListsResponse,
  SearchListsResponse__Output,
} from './generated/vecshard/v1/SearchListsResponse.js';
export type { SearchRequest, SearchRequest__Output } from './generated/vecshard/v1/SearchRequest.js';
export type { SearchResponse, SearchResponse__Output } from './generated/vecshard/v1/SearchResponse.js';
export type { ShardInfo, ShardInfo__Output } from './generated/vecshard/v1/ShardInfo.js';
export type {
  ShardSearchClient as ShardSearchGrpcClient,
  ShardSearchHandlers,
} from './generated/vecshard/v1/ShardSearch.js';
export type { SnapshotInfo, SnapshotInfo__Output } from './generated/vecshard/v1/SnapshotInfo.js';
export type { SnapshotRequest, SnapshotRequest__Output } from './generated/vecshard/v1/SnapshotRequest.js';
export type {
  TrainFromFileRequest,
  TrainFromFileRequest__Output,
} from './generated/vecshard/v1/TrainFromFileRequest.js';
export type { TrainRequest, TrainRequest__Output } from './generated/vecshard/v1/TrainRequest.js';
export type { TrainResponse, TrainResponse__Output } from './generated/vecshard/v1/TrainResponse.js';
export type { UpsertRequest, UpsertRequest__Output } from './generated/vecshard/v1/UpsertRequest.js';
export type { UpsertResponse, UpsertResponse__Output } from './generated/vecshard/v1/UpsertResponse.js';
export type {
  VecshardClient as VecshardGrpcClient,
  VecshardHandlers,
} from './generated/vecshard/v1/Vecshard.js';
export type { WorkerStatus, WorkerStatus__Output } from './generated/vecshard/v1/WorkerStatus.js';
export type {
  AddPreassignedRequest as WorkerAddPreassignedRequest,
  AddPreassignedRequest__Output as WorkerAddPreassignedRequest__Output,
} from './generated/vecshard/worker/v1/AddPreassignedRequest.js';
export type {
  AddPreassignedResponse as WorkerAddPreassignedResponse,
  AddPreassignedResponse__Output as WorkerAddPreassignedResponse__Output,
} from './generated/vecshard/worker/v1/AddPreassignedResponse.js';
export type {
  AttachRequest as WorkerAttachRequest,
  AttachRequest__Output as WorkerAttachRequest__Output,
} from './generated/vecshard/worker/v1/AttachRequest.js';
export type {
  AttachResponse as WorkerAttachResponse,
  AttachResponse__Output as WorkerAttachResponse__Output,
} from './generated/vecshard/worker/v1/AttachResponse.js';
export type {
  CollectionStats as WorkerCollectionStats,
  CollectionStats__Output as WorkerCollectionStats__Output,
} from './generated/vecshard/worker/v1/CollectionStats.js';
export type {
  DeleteRequest as WorkerDeleteRequest,
  DeleteRequest__Output as WorkerDeleteRequest__Output,
} from './generated/vecshard/worker/v1/DeleteRequest.js';
export type {
  DeleteResponse as WorkerDeleteResponse,
  DeleteResponse__Output as WorkerDeleteResponse__Output,
} from './generated/vecshard/worker/v1/DeleteResponse.js';
export type {
  DropRequest as WorkerDropRequest,
  DropRequest__Output as WorkerDropRequest__Output,
} from './generated/vecshard/worker/v1/DropRequest.js';
export type {
  DropResponse as WorkerDropResponse,
  DropResponse__Output as WorkerDropResponse__Output,
} from './generated/vecshard/worker/v1/DropResponse.js';
export type {
  ExportListsRequest as WorkerExportListsRequest,
  ExportListsRequest__Output as WorkerExportListsRequest__Output,
} from './generated/vecshard/worker/v1/ExportListsRequest.js';
export type {
  ExportVersionsRequest as WorkerExportVersionsRequest,
  ExportVersionsRequest__Output as WorkerExportVersionsRequest__Output,
} from './generated/vecshard/worker/v1/ExportVersionsRequest.js';
export type {
  FinishLoadingRequest as WorkerFinishLoadingRequest,
  FinishLoadingRequest__Output as WorkerFinishLoadingRequest__Output,
} from './generated/vecshard/worker/v1/FinishLoadingRequest.js';
export type {
  FinishLoadingResponse as WorkerFinishLoadingResponse,
  FinishLoadingResponse__Output as WorkerFinishLoadingResponse__Output,
} from './generated/vecshard/worker/v1/FinishLoadingResponse.js';
export type {
  HoldWritesRequest as WorkerHoldWritesRequest,
  HoldWritesRequest__Output as WorkerHoldWritesRequest__Output,
} from './generated/vecshard/worker/v1/HoldWritesRequest.js';
export type {
  HoldWritesResponse as WorkerHoldWritesResponse,
  HoldWritesResponse__Output as WorkerHoldWritesResponse__Output,
} from './generated/vecshard/worker/v1/HoldWritesResponse.js';
export type {
  ImportListsRequest as WorkerImportListsRequest,
  ImportListsRequest__Output as WorkerImportListsRequest__Output,
} from './generated/vecshard/worker/v1/ImportListsRequest.js';
export type {
  ImportListsResponse as WorkerImportListsResponse,
  ImportListsResponse__Output as WorkerImportListsResponse__Output,
} from './generated/vecshard/worker/v1/ImportListsResponse.js';
export type {
  ListContent as WorkerListContent,
  ListContent__Output as WorkerListContent__Output,
} from './generated/vecshard/worker/v1/ListContent.js';
export type {
  ListDigest as WorkerListDigest,
  ListDigest__Output as WorkerListDigest__Output,
} from './generated/vecshard/worker/v1/ListDigest.js';
export type {
  ListDigestsRequest as WorkerListDigestsRequest,
  ListDigestsRequest__Output as WorkerListDigestsRequest__Output,
} from './generated/vecshard/worker/v1/ListDigestsRequest.js';
export type {
  ListDigestsResponse as WorkerListDigestsResponse,
  ListDigestsResponse__Output as WorkerListDigestsResponse__Output,
} from './generated/vecshard/worker/v1/ListDigestsResponse.js';
export type {
  MatchStatsRequest as WorkerMatchStatsRequest,
  MatchStatsRequest__Output as WorkerMatchStatsRequest__Output,
} from './generated/vecshard/worker/v1/MatchStatsRequest.js';
export type {
  MatchStatsResponse as WorkerMatchStatsResponse,
  MatchStatsResponse__Output as WorkerMatchStatsResponse__Output,
} from './generated/vecshard/worker/v1/MatchStatsResponse.js';
export type {
  Metric as WorkerMetric,
  Metric__Output as WorkerMetric__Output,
} from './generated/vecshard/worker/v1/Metric.js';
export type {
  ReadRowsRequest as WorkerReadRowsRequest,
  ReadRowsRequest__Output as WorkerReadRowsRequest__Output,
} from './generated/vecshard/worker/v1/ReadRowsRequest.js';
export type {
  ReadRowsResponse as WorkerReadRowsResponse,
  ReadRowsResponse__Output as WorkerReadRowsResponse__Output,
} from './generated/vecshard/worker/v1/ReadRowsResponse.js';
export type {
  RowVersions as WorkerRowVersions,
  RowVersions__Output as WorkerRowVersions__Output,
} from './generated/vecshard/worker/v1/RowVersions.js';
export type {
  SearchPreassignedRequest as WorkerSearchPreassignedRequest,
  SearchPreassignedRequest__Output as WorkerSearchPreassignedRequest__Output,
} from './generated/vecshard/worker/v1/SearchPreassignedRequest.js';
export type {
  SearchPreassignedResponse as WorkerSearchPreassignedResponse,
  SearchPreassignedResponse__Output as WorkerSearchPreassignedResponse__Output,
} from './generated/vecshard/worker/v1/SearchPreassignedResponse.js';
export type {
  SetListsRequest as WorkerSetListsRequest,
  SetListsRequest__Output as WorkerSetListsRequest__Output,
} from './generated/vecshard/worker/v1/SetListsRequest.js';
export type {
  SetListsResponse as WorkerSetListsResponse,
  SetListsResponse__Output as WorkerSetListsResponse__Output,
} from './generated/vecshard/worker/v1/SetListsResponse.js';
export type {
  ShardWorkerClient as ShardWorkerGrpcClient,
  ShardWorkerHandlers,
} from './generated/vecshard/worker/v1/ShardWorker.js';
export type {
  StatsRequest as WorkerStatsRequest,
  StatsRequest__Output as WorkerStatsRequest__Output,
} from './generated/vecshard/worker/v1/StatsRequest.js';
export type {
  StatsResponse as WorkerStatsResponse,
  StatsResponse__Output as WorkerStatsResponse__Output,
} from './generated/vecshard/worker/v1/StatsResponse.js';
export type {
  StopDirectReadsRequest as WorkerStopDirectReadsRequest,
  StopDirectReadsRequest__Output as WorkerStopDirectReadsRequest__Output,
} from './generated/vecshard/worker/v1/StopDirectReadsRequest.js';
export type {
  StopDirectReadsResponse as WorkerStopDirectReadsResponse,
  StopDirectReadsResponse__Output as WorkerStopDirectReadsResponse__Output,
} from './generated/vecshard/worker/v1/StopDirectReadsResponse.js';
