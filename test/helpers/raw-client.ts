import * as grpc from '@grpc/grpc-js';
import { publicPackageDefinition, ShardWorkerService } from '@vecshard/proto';

type UnaryMethod = (
  request: object,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response: unknown) => void,
) => void;

/** How a raw call ended: its status name and message, or the response. */
export interface RawOutcome {
  code: string;
  message: string;
  response?: unknown;
}

/**
 * Calls a method of vecshard.v1.Vecshard with a request object exactly as
 * given, past the SDK's own checks, as any client generated from proto/
 * could: what the server refuses must be refused by the server.
 */
export function rawCall(address: string, method: string, request: object): Promise<RawOutcome> {
  const loaded = grpc.loadPackageDefinition(publicPackageDefinition) as unknown as {
    vecshard: { v1: { Vecshard: grpc.ServiceClientConstructor } };
  };
  const client = new loaded.vecshard.v1.Vecshard(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    const methods = client as unknown as Record<string, UnaryMethod>;
    methods[method].call(client, request, { deadline: Date.now() + 30_000 }, (error, response) => {
      client.close();
      resolve(
        error
          ? { code: grpc.status[error.code], message: error.details }
          : { code: 'OK', message: '', response },
      );
    });
  });
}

/**
 * Calls a method of the internal vecshard.worker.v1.ShardWorker service as a
 * coordinator would (or one with an out-of-date view): what a worker must
 * refuse, it must refuse to anyone.
 */
export function rawWorkerCall(address: string, method: string, request: object): Promise<RawOutcome> {
  const worker = new ShardWorkerService(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    const methods = worker as unknown as Record<string, UnaryMethod>;
    methods[method].call(worker, request, { deadline: Date.now() + 30_000 }, (error, response) => {
      worker.close();
      resolve(
        error
          ? { code: grpc.status[error.code], message: error.details }
          : { code: 'OK', message: '', response },
      );
    });
  });
}
