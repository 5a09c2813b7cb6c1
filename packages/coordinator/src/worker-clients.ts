import * as grpc from '@grpc/grpc-js';
import {
  currentRequestId,
  isServiceError,
  REQUEST_ID_HEADER,
  RpcError,
  type ShardWorkerGrpcClient,
  ShardWorkerService,
  type WorkerAddPreassignedRequest,
  type WorkerAddPreassignedResponse__Output,
  type WorkerAttachRequest,
  type WorkerAttachResponse__Output,
  type WorkerDeleteRequest,
  type WorkerDeleteResponse__Output,
  type WorkerDropRequest,
  type WorkerDropResponse__Output,
  type WorkerExportListsRequest,
  type WorkerExportVersionsRequest,
  type WorkerFinishLoadingRequest,
  type WorkerFinishLoadingResponse__Output,
  type WorkerHoldWritesRequest,
  type WorkerHoldWritesResponse__Output,
  type WorkerImportListsRequest,
  type WorkerImportListsResponse__Output,
  type WorkerListContent__Output,
  type WorkerListDigestsRequest,
  type WorkerListDigestsResponse__Output,
  type WorkerMatchStatsRequest,
  type WorkerMatchStatsResponse__Output,
  type WorkerReadRowsRequest,
  type WorkerReadRowsResponse__Output,
  type WorkerRowVersions__Output,
  type WorkerSearchPreassignedRequest,
  type WorkerSearchPreassignedResponse__Output,
  type WorkerSetListsRequest,
  type WorkerSetListsResponse__Output,
  type WorkerStatsRequest,
  type WorkerStatsResponse__Output,
  type WorkerStopDirectReadsRequest,
  type WorkerStopDirectReadsResponse__Output,
} from '@vecshard/proto';
import { observeWorkerCall } from './metrics.js';

/** Request and response types of each worker method. */
interface WorkerMethods {
  Attach: [WorkerAttachRequest, WorkerAttachResponse__Output];
  AddPreassigned: [WorkerAddPreassignedRequest, WorkerAddPreassignedResponse__Output];
  SearchPreassigned: [WorkerSearchPreassignedRequest, WorkerSearchPreassignedResponse__Output];
  Delete: [WorkerDeleteRequest, WorkerDeleteResponse__Output];
  Stats: [WorkerStatsRequest, WorkerStatsResponse__Output];
  Drop: [WorkerDropRequest, WorkerDropResponse__Output];
  FinishLoading: [WorkerFinishLoadingRequest, WorkerFinishLoadingResponse__Output];
  SetLists: [WorkerSetListsRequest, WorkerSetListsResponse__Output];
  ImportLists: [WorkerImportListsRequest, WorkerImportListsResponse__Output];
  ListDigests: [WorkerListDigestsRequest, WorkerListDigestsResponse__Output];
  StopDirectReads: [WorkerStopDirectReadsRequest, WorkerStopDirectReadsResponse__Output];
  HoldWrites: [WorkerHoldWritesRequest, WorkerHoldWritesResponse__Output];
  MatchStats: [WorkerMatchStatsRequest, WorkerMatchStatsResponse__Output];
  ReadRows: [WorkerReadRowsRequest, WorkerReadRowsResponse__Output];
  ExportVersions: [WorkerExportVersionsRequest, WorkerRowVersions__Output];
}

/** Request and message types of each server-streaming worker method. */
interface WorkerStreams {
  ExportLists: [WorkerExportListsRequest, WorkerListContent__Output];
}
type Methods = keyof WorkerMethods;
type RequestOf<M extends Methods> = WorkerMethods[M][0];
type ResponseOf<M extends Methods> = WorkerMethods[M][1];

/** Who a call goes to, for error messages. */
export interface WorkerTarget {
  id: string;
  address: string;
}

/** One gRPC channel per worker address, reused by every call. */
export class WorkerClients {
  private readonly clients = new Map<string, ShardWorkerGrpcClient>();

  constructor(
    private readonly maxMessageBytes: number,
    /** Plaintext by default; mutual TLS where the cluster has a CA. */
    private readonly credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {}

  /**
   * Calls a worker, resolving to its response. A worker that cannot be reached
   * or misses the deadline becomes UNAVAILABLE naming the worker; its other
   * statuses pass through with the worker named. The id of the request being
   * served travels along, so the worker's logs can be matched with ours.
   * Aborting `signal` cancels the call (a hedged request whose twin won).
   */
  call<M extends Methods>(
    target: WorkerTarget,
    method: M,
    request: RequestOf<M>,
    deadline: grpc.Deadline,
    signal?: AbortSignal,
  ): Promise<ResponseOf<M>> {
    const client = this.client(target.address);
    const metadata = new grpc.Metadata();
    const requestId = currentRequestId();
    if (requestId) metadata.set(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const fn = client[method].bind(client) as unknown as (
        req: unknown,
        metadata: grpc.Metadata,
        options: grpc.CallOptions,
        cb: (error: grpc.ServiceError | null, res?: unknown) => void,
      ) => grpc.ClientUnaryCall;
      const call = fn(request, metadata, { deadline }, (error, response) => {
        signal?.removeEventListener('abort', cancel);
        observeWorkerCall(target.id, method, error, (performance.now() - started) / 1000);
        if (error) reject(describe(error, target, method));
        else resolve(response as ResponseOf<M>);
      });
      const cancel = () => call.cancel();
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  /**
   * Opens a server stream to a worker and yields its messages, reading the
   * next only when the previous one was taken (gRPC flow control then slows
   * the worker down). Errors are described as in {@link call}. Streams carry
   * long transfers (whole shards), so they have no deadline: a worker that
   * dies ends them with UNAVAILABLE.
   */
  async *stream<M extends keyof WorkerStreams>(
    target: WorkerTarget,
    method: M,
    request: WorkerStreams[M][0],
  ): AsyncGenerator<WorkerStreams[M][1]> {
    const client = this.client(target.address);
    const metadata = new grpc.Metadata();
    const requestId = currentRequestId();
    if (requestId) metadata.set(REQUEST_ID_HEADER, requestId);
    const call = client[method](request, metadata);
    let finished = false;
    try {
      for await (const message of call) yield message as WorkerStreams[M][1];
      finished = true;
    } catch (error) {
      finished = true;
      throw describe(error, target, method);
    } finally {
      if (!finished) call.cancel();
    }
  }

  /** Forgets the channel of an address (after a worker moved). */
  forget(address: string): void {
    this.clients.get(address)?.close();
    this.clients.delete(address);
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private client(address: string): ShardWorkerGrpcClient {
    let client = this.clients.get(address);
    if (!client) {
      client = new ShardWorkerService(address, this.credentials, {
        'grpc.max_receive_message_length': this.maxMessageBytes,
        'grpc.max_send_message_length': this.maxMessageBytes,
        // Reconnect quickly after a worker restarts instead of backing off for long.
        'grpc.initial_reconnect_backoff_ms': 200,
        'grpc.max_reconnect_backoff_ms': 2000,
      });
      this.clients.set(address, client);
    }
    return client;
  }
}

function describe(error: unknown, target: WorkerTarget, method: string): RpcError {
  const who = `shard worker ${target.id} at ${target.address}`;
  if (!isServiceError(error))
    return new RpcError(grpc.status.INTERNAL, `${method} on ${who} failed: ${error}`);
  const details = error.details || error.message;
  if (error.code === grpc.status.UNAVAILABLE || error.code === grpc.status.DEADLINE_EXCEEDED) {
    return new RpcError(grpc.status.UNAVAILABLE, `${who} is unavailable (${method}): ${details}`);
  }
  if (error.code === grpc.status.NOT_FOUND) {
    // The worker is up but does not hold the shard yet: it restarted and is being refilled.
    return new RpcError(
      grpc.status.UNAVAILABLE,
      `the collection is loading: ${who} restarted and does not hold its shard yet (${details})`,
    );
  }
  return new RpcError(error.code, `${who}: ${details}`);
}
