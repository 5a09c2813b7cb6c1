import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

const HealthClient = grpc.makeGenericClientConstructor(healthService, 'Health');

/**
 * Asks a server's `grpc.health.v1.Health` service for the status of `service`
 * ("" = the whole server). Container health checks run it, as the images carry no
 * separate gRPC probe tool.
 */
export function checkHealth(address: string, service = '', timeoutMs = 5000): Promise<ServingStatus> {
  const client = new HealthClient(address, grpc.credentials.createInsecure());
  return new Promise<ServingStatus>((resolve, reject) => {
    client.Check(
      { service },
      { deadline: Date.now() + timeoutMs },
      (error: grpc.ServiceError | null, reply?: { status: ServingStatus }) =>
        error ? reject(error) : resolve(reply?.status ?? 'UNKNOWN'),
    );
  }).finally(() => client.close());
}
