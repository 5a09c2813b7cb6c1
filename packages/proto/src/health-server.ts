import * as grpc from '@grpc/grpc-js';
import { bindServer, drainServer, type HealthControl } from './server-extras.js';

/**
 * A plaintext gRPC server that answers only grpc.health.v1, with the same
 * statuses as the main server. Kubernetes' gRPC probes cannot speak TLS, so
 * with TLS on they probe this port; it serves nothing else, so it opens no
 * data to anyone.
 */
export async function startHealthServer(
  health: HealthControl,
  host: string,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = new grpc.Server();
  health.addToServer(server);
  const bound = await bindServer(server, host, port, grpc.ServerCredentials.createInsecure());
  return { port: bound, close: () => drainServer(server, 1000) };
}
