import type * as grpc from '@grpc/grpc-js';
import type {
  CollectionInfo__Output,
  CreateCollectionRequest,
  SearchRequest,
  SearchResponse__Output,
  UpsertRequest,
  VecshardGrpcClient,
} from '@vecshard/proto';
import type { FieldTypeName } from '../types.js';

// The wire shapes of the documents messages, taken from the generated client
// and messages (proto-loader objects: camelCase keys, int64 as decimal
// strings, bytes as Buffer), so that they follow the contract as generated.

/** Request and response types of an RPC of the generated client. */
export type Rpc<M extends keyof VecshardGrpcClient> = VecshardGrpcClient[M] extends (
  argument: infer Request,
  callback: grpc.requestCallback<infer Response>,
) => grpc.ClientUnaryCall
  ? [Request, Response]
  : never;

export type WireFilter = NonNullable<SearchRequest['filter']>;
export type WireCondition = NonNullable<WireFilter['must']>[number];
export type WireFieldColumn = NonNullable<UpsertRequest['fields']>[number];
export type WireFieldColumnOutput = SearchResponse__Output['fields'][number];
export type WireFieldType = NonNullable<NonNullable<CreateCollectionRequest['fields']>[number]['type']>;
export type WireFieldSchemaOutput = CollectionInfo__Output['fields'][number];

/** The vecshard.v1.FieldType enum names, by type name. */
export const WIRE_FIELD_TYPES: Readonly<Record<FieldTypeName, WireFieldType>> = {
  int64: 'FIELD_TYPE_INT64',
  double: 'FIELD_TYPE_DOUBLE',
  keyword: 'FIELD_TYPE_KEYWORD',
  bool: 'FIELD_TYPE_BOOL',
  keywords: 'FIELD_TYPE_KEYWORDS',
  json: 'FIELD_TYPE_JSON',
};

/** The type name of a FieldType enum name; undefined for UNSPECIFIED or a type this client does not know. */
export function fieldTypeFromWire(type: WireFieldSchemaOutput['type']): FieldTypeName | undefined {
  for (const [name, wire] of Object.entries(WIRE_FIELD_TYPES))
    if (wire === type) return name as FieldTypeName;
  return undefined;
}
