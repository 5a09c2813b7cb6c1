import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

/** A grpc.health.v1 Check, as a probe makes it: no key; plaintext unless credentials are given. */
export function healthCheck(
  address: string,
  service = '',
  credentials = grpc.credentials.createInsecure(),
): Promise<string> {
  const Client = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Client(address, credentials) as unknown as {
    check(req: object, options: object, cb: (e: Error | null, r: { status: string }) => void): void;
    close(): void;
  };
  return new Promise((resolve, reject) =>
    client.check({ service }, { deadline: Date.now() + 5000 }, (error, response) => {
      client.close();
      error ? reject(error) : resolve(response.status);
    }),
  );
}
