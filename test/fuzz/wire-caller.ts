import * as grpc from '@grpc/grpc-js';

const identity = (bytes: Buffer) => bytes;

/** How one fuzzed call ended: a gRPC status name, and its message for the report. */
export interface CallOutcome {
  status: string;
  details: string;
}

/**
 * Sends already-serialized (possibly mangled) request bytes to a method path,
 * as any client on the network could, and reports the status the call ended
 * with. Server streams are read to their end (at most `maxMessages`).
 */
export class WireCaller {
  private readonly client: grpc.Client;

  constructor(
    address: string,
    credentials = grpc.credentials.createInsecure(),
    maxMessageBytes = 64 * 1024 * 1024,
  ) {
    this.client = new grpc.Client(address, credentials, {
      'grpc.max_receive_message_length': maxMessageBytes,
      'grpc.max_send_message_length': maxMessageBytes,
    });
  }

  call(path: string, responseStream: boolean, request: Buffer, deadlineMs = 30_000): Promise<CallOutcome> {
    const options = { deadline: Date.now() + deadlineMs };
    const metadata = new grpc.Metadata();
    if (!responseStream)
      return new Promise((resolve) => {
        this.client.makeUnaryRequest(path, identity, identity, request, metadata, options, (error) =>
          resolve(outcome(error)),
        );
      });
    return new Promise((resolve) => {
      const stream = this.client.makeServerStreamRequest(
        path,
        identity,
        identity,
        request,
        metadata,
        options,
      );
      let messages = 0;
      stream.on('data', () => {
        if (++messages > 10_000) stream.cancel();
      });
      stream.on('error', (error: grpc.ServiceError) => resolve(outcome(error)));
      stream.on('end', () => resolve(outcome(null)));
    });
  }

  close(): void {
    this.client.close();
  }
}

function outcome(error: grpc.ServiceError | null): CallOutcome {
  if (!error) return { status: 'OK', details: '' };
  return {
    status: grpc.status[error.code] ?? `STATUS_${error.code}`,
    details: error.details ?? error.message,
  };
}
