import type * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';

/** Health status control of one server: the overall status ("") and each named service. */
export interface HealthControl {
  /** Marks the server and its services serving. */
  serving(): void;
  /** Marks them not serving (while draining), so load balancers stop routing here. */
  notServing(): void;
  /** Serves the same statuses on another server too (a plaintext one for probes). */
  addToServer(server: grpc.Server): void;
}

/**
 * Adds the standard `grpc.health.v1.Health` service and server reflection
 * (v1 and v1alpha) to a server, so generic tools (grpcurl, Kubernetes probes)
 * can talk to it. Services start NOT_SERVING until `serving()` is called.
 */
export function addHealthAndReflection(
  server: grpc.Server,
  packageDefinition: PackageDefinition,
  serviceNames: string[],
): HealthControl {
  const names = ['', ...serviceNames];
  const health = new HealthImplementation(Object.fromEntries(names.map((n) => [n, 'NOT_SERVING' as const])));
  health.addToServer(server);
  // Only what the server serves: a definition also holds services of the files it imports.
  new ReflectionService(packageDefinition, { services: serviceNames }).addToServer(server);
  const setAll = (status: 'SERVING' | 'NOT_SERVING') => {
    for (const name of names) health.setStatus(name, status);
  };
  return {
    serving: () => setAll('SERVING'),
    notServing: () => setAll('NOT_SERVING'),
    addToServer: (other) => health.addToServer(other),
  };
}

/** Binds a server to host:port (port 0 = any free one) and resolves to the port bound. */
export function bindServer(
  server: grpc.Server,
  host: string,
  port: number,
  credentials: grpc.ServerCredentials,
) {
  return new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, credentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
}

/** Stops taking new calls and waits for running ones to finish, cutting them off after `timeoutMs`. */
export function drainServer(server: grpc.Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, timeoutMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
