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
      resolve((response.list_services_response?.service ?? []).map((s) => s.name).sort());
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
