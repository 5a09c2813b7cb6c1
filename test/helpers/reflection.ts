import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const require = createRequire(import.meta.url);
const REFLECTION_PROTO = join(
  dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);

/** The service names a server lists through gRPC server reflection (v1), as grpcurl would see them. */
export async function reflectedServices(
  address: string,
  options: { credentials?: grpc.ChannelCredentials; metadata?: grpc.Metadata } = {},
): Promise<string[]> {
  const definition = protoLoader.loadSync(REFLECTION_PROTO, { keepCase: true });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: typeof grpc.Client } } };
  };
  const client = new proto.grpc.reflection.v1.ServerReflection(
    address,
    options.credentials ?? grpc.credentials.createInsecure(),
  ) as never as {
    ServerReflectionInfo(
      metadata: grpc.Metadata,
      options: object,
    ): grpc.ClientDuplexStream<object, { list_services_response?: { service: { name: string }[] } }>;
    close(): void;
  };
  return new Promise((resolve, reject) => {
    const stream = client.ServerReflectionInfo(options.metadata ?? new grpc.Metadata(), {
      deadline: Date.now() + 5000,
    });
    stream.on('data', (response) => {
      resolve((response.list_services_response?.service ?? []).map((s: { name: string }) => s.name).sort());
      stream.end();
      client.close();
    });
    stream.on('error', (error) => {
      client.close();
      reject(error);
    });
    stream.write({ list_services: '' });
  });
}

/**
 * A reflection stream left open: it holds one call on the server until ended.
 * Resolves once the server has answered a first request on it, so the call is
 * known to be in flight there.
 */
export async function openReflectionStream(address: string): Promise<{ end(): Promise<void> }> {
  const definition = protoLoader.loadSync(REFLECTION_PROTO, { keepCase: true });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: typeof grpc.Client } } };
  };
  const client = new proto.grpc.reflection.v1.ServerReflection(
    address,
    grpc.credentials.createInsecure(),
  ) as never as {
    ServerReflectionInfo(): grpc.ClientDuplexStream<object, object>;
    close(): void;
  };
  const stream = client.ServerReflectionInfo();
  const ended = new Promise<void>((resolve) => {
    stream.on('status', () => resolve());
    stream.on('error', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    stream.once('data', () => resolve());
    stream.once('error', reject);
    stream.write({ list_services: '' });
  });
  return {
    end: async () => {
      stream.end();
      await ended;
      client.close();
    },
  };
}
