import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

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
import type { FinishLoadingRequest as _vecshard_worker_v1_FinishLoadingRequest, FinishLoadingRequest__Output as _vecshard_worker_v1_FinishLoadingRequest__Output } from './vecshard/worker/v1/FinishLoadingRequest.js';
import type { FinishLoadingResponse as _vecshard_worker_v1_FinishLoadingResponse, FinishLoadingResponse__Output as _vecshard_worker_v1_FinishLoadingResponse__Output } from './vecshard/worker/v1/FinishLoadingResponse.js';
import type { ImportListsRequest as _vecshard_worker_v1_ImportListsRequest, ImportListsRequest__Output as _vecshard_worker_v1_ImportListsRequest__Output } from './vecshard/worker/v1/ImportListsRequest.js';
import type { ImportListsResponse as _vecshard_worker_v1_ImportListsResponse, ImportListsResponse__Output as _vecshard_worker_v1_ImportListsResponse__Output } from './vecshard/worker/v1/ImportListsResponse.js';
import type { ListContent as _vecshard_worker_v1_ListContent, ListContent__Output as _vecshard_worker_v1_ListContent__Output } from './vecshard/worker/v1/ListContent.js';
import type { ListDigest as _vecshard_worker_v1_ListDigest, ListDigest__Output as _vecshard_worker_v1_ListDigest__Output } from './vecshard/worker/v1/ListDigest.js';
import type { ListDigestsRequest as _vecshard_worker_v1_ListDigestsRequest, ListDigestsRequest__Output as _vecshard_worker_v1_ListDigestsRequest__Output } from './vecshard/worker/v1/ListDigestsRequest.js';
import type { ListDigestsResponse as _vecshard_worker_v1_ListDigestsResponse, ListDigestsResponse__Output as _vecshard_worker_v1_ListDigestsResponse__Output } from './vecshard/worker/v1/ListDigestsResponse.js';
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
        FinishLoadingRequest: MessageTypeDefinition<_vecshard_worker_v1_FinishLoadingRequest, _vecshard_worker_v1_FinishLoadingRequest__Output>
        FinishLoadingResponse: MessageTypeDefinition<_vecshard_worker_v1_FinishLoadingResponse, _vecshard_worker_v1_FinishLoadingResponse__Output>
        ImportListsRequest: MessageTypeDefinition<_vecshard_worker_v1_ImportListsRequest, _vecshard_worker_v1_ImportListsRequest__Output>
        ImportListsResponse: MessageTypeDefinition<_vecshard_worker_v1_ImportListsResponse, _vecshard_worker_v1_ImportListsResponse__Output>
        ListContent: MessageTypeDefinition<_vecshard_worker_v1_ListContent, _vecshard_worker_v1_ListContent__Output>
        ListDigest: MessageTypeDefinition<_vecshard_worker_v1_ListDigest, _vecshard_worker_v1_ListDigest__Output>
        ListDigestsRequest: MessageTypeDefinition<_vecshard_worker_v1_ListDigestsRequest, _vecshard_worker_v1_ListDigestsRequest__Output>
        ListDigestsResponse: MessageTypeDefinition<_vecshard_worker_v1_ListDigestsResponse, _vecshard_worker_v1_ListDigestsResponse__Output>
        Metric: EnumTypeDefinition
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

