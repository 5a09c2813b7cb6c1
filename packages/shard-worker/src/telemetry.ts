import type * as grpc from '@grpc/grpc-js';
import { type MetricsEndpoint, observeUnaryCalls, type RequestLog, serveMetrics } from '@vecshard/proto';
import { rpcMetrics, watchShards, workerRegistry } from './metrics.js';
import type { ShardRegistry } from './shard-worker-service.js';

export interface WorkerTelemetry {
  /** Where `/metrics` is served; absent when metrics are off. */
  metricsUrl?: string;
  /** Wraps the service's handlers: counted, timed, and logged with the coordinator's request id. */
  observe<H extends object>(definition: grpc.ServiceDefinition, handlers: H): H;
  close(): Promise<void>;
}

/**
 * Starts the worker's metrics endpoint on host:metricsPort (0 = any free
 * port; undefined or negative = no endpoint, the metrics are still kept).
 */
export async function startWorkerTelemetry(
  shards: ShardRegistry,
  log: RequestLog & { info(fields: object, message: string): void },
  host: string,
  metricsPort?: number,
): Promise<WorkerTelemetry> {
  let endpoint: MetricsEndpoint | undefined;
  if (metricsPort !== undefined && metricsPort >= 0) {
    endpoint = await serveMetrics(workerRegistry, host, metricsPort);
    log.info({ url: endpoint.url }, 'metrics serving');
  }
  const unwatch = watchShards(shards);
  return {
    metricsUrl: endpoint?.url,
    // Workers make no further calls, so the request id need not follow the handler around.
    observe: (definition, handlers) => observeUnaryCalls(definition, handlers, { metrics: rpcMetrics, log }),
    close: async () => {
      unwatch();
      await endpoint?.close();
    },
  };
}
