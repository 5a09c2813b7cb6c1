// Original file: ../../proto/vecshard/v1/shard_search.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { SearchListsRequest as _vecshard_v1_SearchListsRequest, SearchListsRequest__Output as _vecshard_v1_SearchListsRequest__Output } from '../../vecshard/v1/SearchListsRequest.js';
import type { SearchListsResponse as _vecshard_v1_SearchListsResponse, SearchListsResponse__Output as _vecshard_v1_SearchListsResponse__Output } from '../../vecshard/v1/SearchListsResponse.js';

/**
 * One-hop searches. With API keys on, needs the read role.
 */
export interface ShardSearchClient extends grpc.Client {
  /**
   * Searches the given lists of one shard. Refused with FAILED_PRECONDITION
   * "placement moved: ..." when the shard does not own a list, its placement
   * epoch is newer than the caller's, or its quantizer is another one (route
   * again with a fresh table), and with UNAVAILABLE while the copy is
   * loading or catching up.
   */
  SearchLists(argument: _vecshard_v1_SearchListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  SearchLists(argument: _vecshard_v1_SearchListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  SearchLists(argument: _vecshard_v1_SearchListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  SearchLists(argument: _vecshard_v1_SearchListsRequest, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Searches the given lists of one shard. Refused with FAILED_PRECONDITION
   * "placement moved: ..." when the shard does not own a list, its placement
   * epoch is newer than the caller's, or its quantizer is another one (route
   * again with a fresh table), and with UNAVAILABLE while the copy is
   * loading or catching up.
   */
  searchLists(argument: _vecshard_v1_SearchListsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  searchLists(argument: _vecshard_v1_SearchListsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  searchLists(argument: _vecshard_v1_SearchListsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  searchLists(argument: _vecshard_v1_SearchListsRequest, callback: grpc.requestCallback<_vecshard_v1_SearchListsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * One-hop searches. With API keys on, needs the read role.
 */
export interface ShardSearchHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Searches the given lists of one shard. Refused with FAILED_PRECONDITION
   * "placement moved: ..." when the shard does not own a list, its placement
   * epoch is newer than the caller's, or its quantizer is another one (route
   * again with a fresh table), and with UNAVAILABLE while the copy is
   * loading or catching up.
   */
  SearchLists: grpc.handleUnaryCall<_vecshard_v1_SearchListsRequest__Output, _vecshard_v1_SearchListsResponse>;
  
}

export interface ShardSearchDefinition extends grpc.ServiceDefinition {
  SearchLists: MethodDefinition<_vecshard_v1_SearchListsRequest, _vecshard_v1_SearchListsResponse, _vecshard_v1_SearchListsRequest__Output, _vecshard_v1_SearchListsResponse__Output>
}
