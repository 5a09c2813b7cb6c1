import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { SearchListsRequest as _vecshard_v1_SearchListsRequest, SearchListsRequest__Output as _vecshard_v1_SearchListsRequest__Output } from './vecshard/v1/SearchListsRequest.js';
import type { SearchListsResponse as _vecshard_v1_SearchListsResponse, SearchListsResponse__Output as _vecshard_v1_SearchListsResponse__Output } from './vecshard/v1/SearchListsResponse.js';
import type { ShardSearchClient as _vecshard_v1_ShardSearchClient, ShardSearchDefinition as _vecshard_v1_ShardSearchDefinition } from './vecshard/v1/ShardSearch.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  vecshard: {
    v1: {
      SearchListsRequest: MessageTypeDefinition<_vecshard_v1_SearchListsRequest, _vecshard_v1_SearchListsRequest__Output>
      SearchListsResponse: MessageTypeDefinition<_vecshard_v1_SearchListsResponse, _vecshard_v1_SearchListsResponse__Output>
      /**
       * One-hop searches. With API keys on, needs the read role.
       */
      ShardSearch: SubtypeConstructor<typeof grpc.Client, _vecshard_v1_ShardSearchClient> & { service: _vecshard_v1_ShardSearchDefinition }
    }
  }
}

