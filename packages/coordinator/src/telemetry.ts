import type * as grpc from '@grpc/grpc-js';
import { type MetricsEndpoint, observeUnaryCalls, type RequestLog, serveMetrics } from '@vecshard/proto';
import { watchCluster } from './cluster-metrics.js';
import type { CoordinatorContext } from './context.js';
import { coordinatorRegistry, rpcMetrics } from './metrics.js';

export interface CoordinatorTelemetry {
  /** Where `/metrics` is served; absent when metrics are off. */
  metricsUrl?: string;
  /** Wraps the service's handlers: counted, timed, logged with their request id, which calls to workers carry. */
  observe<H extends object>(definition: grpc.ServiceDefinition, handlers: H): H;
  close(): Promise<void>;
}

/**
 * Starts the coordinator's metrics endpoint on host:metricsPort (0 = any free
 * port; undefined or negative = no endpoint, the metrics are still kept).
 */
export async function startCoordinatorTelemetry(
  ctx: CoordinatorContext,
  log: RequestLog & { info(fields: object, message: string): void },
  host: string,
  metricsPort?: number,
): Promise<CoordinatorTelemetry> {
  let endpoint: MetricsEndpoint | undefined;
  if (metricsPort !== undefined && metricsPort >= 0) {
    endpoint = await serveMetrics(coordinatorRegistry, host, metricsPort);
    log.info({ url: endpoint.url }, 'metrics serving');
  }
  const unwatch = watchCluster(ctx);
  return {
    metricsUrl: endpoint?.url,
    observe: (definition, handlers) =>
      observeUnaryCalls(definition, handlers, { metrics: rpcMetrics, log, scoped: true }),
    close: async () => {
      unwatch();
      await endpoint?.close();
    },
  };
}
