import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as ShardSearchProto } from './generated/shard_search.js';
import type { ProtoGrpcType as VecshardProto } from './generated/vecshard.js';
import type { ProtoGrpcType as WorkerProto } from './generated/worker.js';

/** The repository's `proto/` folder, which holds the .proto files (the contract). */
export const PROTO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'proto');

/** Loader options every vecshard process uses; generated types assume exactly these. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

export const PUBLIC_PROTO = 'vecshard/v1/vecshard.proto';
export const WORKER_PROTO = 'vecshard/worker/v1/worker.proto';
export const SHARD_SEARCH_PROTO = 'vecshard/v1/shard_search.proto';

/** Package definition of the public API (for reflection and clients). */
export const publicPackageDefinition = protoLoader.loadSync(PUBLIC_PROTO, LOADER_OPTIONS);
/** Package definition of the internal coordinator → worker API. */
export const workerPackageDefinition = protoLoader.loadSync(WORKER_PROTO, LOADER_OPTIONS);
/** Package definition of the workers' client-facing search service (one-hop searches). */
export const shardSearchPackageDefinition = protoLoader.loadSync(SHARD_SEARCH_PROTO, LOADER_OPTIONS);
/**
 * What a shard worker serves, for its reflection: the internal service and
 * ShardSearch, loaded together. (proto-loader names a file descriptor after
 * its package, and both the worker API's import of vecshard.proto and
 * shard_search.proto are package vecshard.v1: merged from two loads, one of
 * them would hide the other.)
 */
export const workerServedPackageDefinition = protoLoader.loadSync(
  [WORKER_PROTO, SHARD_SEARCH_PROTO],
  LOADER_OPTIONS,
);

const publicProto = grpc.loadPackageDefinition(publicPackageDefinition) as unknown as VecshardProto;
const workerProto = grpc.loadPackageDefinition(workerPackageDefinition) as unknown as WorkerProto;
const shardSearchProto = grpc.loadPackageDefinition(
  shardSearchPackageDefinition,
) as unknown as ShardSearchProto;

/** Client constructor and service definition of `vecshard.v1.Vecshard`. */
export const VecshardService = publicProto.vecshard.v1.Vecshard;
/** Client constructor and service definition of `vecshard.v1.ShardSearch` (served by workers, for clients). */
export const ShardSearchService = shardSearchProto.vecshard.v1.ShardSearch;
/** Client constructor and service definition of `vecshard.worker.v1.ShardWorker`. */
export const ShardWorkerService = workerProto.vecshard.worker.v1.ShardWorker;

/** Fully qualified service names, as health checks and reflection know them. */
export const VECSHARD_SERVICE_NAME = 'vecshard.v1.Vecshard';
export const SHARD_WORKER_SERVICE_NAME = 'vecshard.worker.v1.ShardWorker';
export const SHARD_SEARCH_SERVICE_NAME = 'vecshard.v1.ShardSearch';
