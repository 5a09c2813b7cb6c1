import * as grpc from '@grpc/grpc-js';

/** An error that carries the gRPC status a handler should answer with. */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
  }
}

export const invalidArgument = (message: string) => new RpcError(grpc.status.INVALID_ARGUMENT, message);
export const notFound = (message: string) => new RpcError(grpc.status.NOT_FOUND, message);
export const failedPrecondition = (message: string) => new RpcError(grpc.status.FAILED_PRECONDITION, message);
export const unavailable = (message: string) => new RpcError(grpc.status.UNAVAILABLE, message);
export const permissionDenied = (message: string) => new RpcError(grpc.status.PERMISSION_DENIED, message);

/** Starts the message of a shard's refusal of lists it no longer owns: the caller routed by an old placement. */
export const PLACEMENT_MOVED = 'placement moved';

/** A shard asked for lists it does not own (any more): the caller should route again. */
export const placementMoved = (message: string) =>
  new RpcError(grpc.status.FAILED_PRECONDITION, `${PLACEMENT_MOVED}: ${message}`);

/** Whether an error (possibly re-worded by a caller that named the worker) says the placement moved. */
export function isPlacementMoved(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: number }).code === grpc.status.FAILED_PRECONDITION &&
    String((error as { message?: string }).message).includes(PLACEMENT_MOVED)
  );
}
/** Starts the message of a copy's refusal of a write routed by an epoch older than the copy's. */
export const WRITE_FENCED = 'write fenced';

/**
 * A copy refused a write routed by an older placement epoch than the one it
 * was attached or fenced at: the caller re-reads the placement and sends the
 * write again. Nothing of the write was applied on that copy.
 */
export const writeFenced = (message: string) =>
  new RpcError(grpc.status.ABORTED, `${WRITE_FENCED}: ${message}`);

/** Whether an error (possibly re-worded by a caller that named the worker) is a fenced write. */
export function isWriteFenced(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: number }).code === grpc.status.ABORTED &&
    String((error as { message?: string; details?: string }).message).includes(WRITE_FENCED)
  );
}

export const resourceExhausted = (message: string) => new RpcError(grpc.status.RESOURCE_EXHAUSTED, message);

/** The statuses of the FAISS binding's error codes (`error.code` on its rejections). */
const FAISS_ERROR_STATUS: Record<string, grpc.status> = {
  ERR_INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  ERR_FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
  ERR_DEVICE_MEMORY: grpc.status.RESOURCE_EXHAUSTED,
};

/** The status name of a code, e.g. 3 → "INVALID_ARGUMENT". */
export function statusName(code: number): string {
  return grpc.status[code] ?? `STATUS_${code}`;
}

/** Whether an error came from a gRPC call (has a numeric status code). */
export function isServiceError(error: unknown): error is grpc.ServiceError {
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number'
  );
}

/** Called with every error a handler turns into INTERNAL, so it is logged once. */
export type InternalErrorSink = (error: unknown, method: string) => void;

/**
 * Wraps an async unary handler: its result is the response; an RpcError (or a
 * gRPC error passed through from a downstream call) becomes that status; any
 * other error becomes INTERNAL with its message, so no input can crash the
 * process through an unhandled rejection.
 */
export function unary<Req, Res>(
  method: string,
  handler: (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
  onInternal?: InternalErrorSink,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    handler(call.request, call).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toStatus(error, method, onInternal)),
    );
  };
}

/**
 * Wraps a server-streaming handler written as an async generator: each value
 * yielded is written (waiting for the client to drain when its buffer is full,
 * so a slow reader does not make the server buffer everything); the stream
 * ends when the generator returns, stops when the client cancels, and an error
 * becomes its status as in {@link unary}.
 */
export function serverStream<Req, Res>(
  method: string,
  handler: (request: Req, call: grpc.ServerWritableStream<Req, Res>) => AsyncIterable<Res>,
  onInternal?: InternalErrorSink,
): grpc.handleServerStreamingCall<Req, Res> {
  return (call) => {
    const run = async () => {
      for await (const message of handler(call.request, call)) {
        if (call.cancelled) return;
        if (!call.write(message)) await new Promise((resolve) => call.once('drain', resolve));
      }
    };
    run().then(
      () => {
        if (!call.cancelled) call.end();
      },
      (error: unknown) => {
        if (!call.cancelled) call.emit('error', toStatus(error, method, onInternal));
      },
    );
  };
}

function toStatus(
  error: unknown,
  method: string,
  onInternal?: InternalErrorSink,
): Partial<grpc.StatusObject> {
  if (error instanceof RpcError) return { code: error.code, details: error.message };
  const faissStatus = FAISS_ERROR_STATUS[(error as { code?: unknown })?.code as string];
  if (faissStatus !== undefined) return { code: faissStatus, details: (error as Error).message };
  if (isServiceError(error) && error.code !== grpc.status.OK) {
    return { code: error.code, details: error.details || error.message };
  }
  onInternal?.(error, method);
  const message = error instanceof Error ? error.message : String(error);
  return { code: grpc.status.INTERNAL, details: `${method} failed: ${message}` };
}
