import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Port a process serves `/metrics` on unless told otherwise (the manifests' scrape annotations use it). */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * How often the event-loop delay histogram samples, ms. prom-client's default,
 * 10 ms, wakes every process 100 times a second: about 4.7 ms of CPU a second
 * per idle process here, nearly all of an idle worker's CPU (issue 25's
 * cluster-size run: 64 idle workers spent 0.27 of a core on it).
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * A process's own metrics registry: every series carries `component`
 * (coordinator, shard_worker), and Node's runtime metrics (CPU, memory, event
 * loop lag, GC) are included under the same `vecshard_` prefix.
 */
export function createProcessRegistry(component: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({
    register: registry,
    prefix: 'vecshard_',
    eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
  });
  return registry;
}

export interface MetricsEndpoint {
  /** http://HOST:PORT/metrics */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a registry in the Prometheus text format at `GET /metrics` on
 * host:port (0 = any free port). A port already taken fails the start with a
 * message saying how to pick another.
 */
export function serveMetrics(registry: Registry, host: string, port: number): Promise<MetricsEndpoint> {
  const server = createServer((request, response) => {
    void answer(registry, request, response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      reject(
        new Error(
          taken
            ? `metrics port ${port} on ${host} is already in use: pass --metrics-port 0 for any free port, or -1 for no metrics`
            : `metrics endpoint cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => {
      const bound = (server.address() as { port: number }).port;
      resolve({
        url: `http://${host}:${bound}/metrics`,
        port: bound,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Scrapers keep connections open; close them so shutdown does not wait for them.
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function answer(registry: Registry, request: IncomingMessage, response: ServerResponse) {
  const path = (request.url ?? '').split('?')[0];
  if (path !== '/metrics') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'content-type': 'text/plain', allow: 'GET, HEAD' }).end();
    return;
  }
  try {
    const text = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType }).end(text);
  } catch (error) {
    response
      .writeHead(500, { 'content-type': 'text/plain' })
      .end(`metrics failed: ${(error as Error).message}\n`);
  }
}

/**
 * Reads a `--metrics-port` value: a port (0 = any free one), or "off" / -1
 * for no metrics endpoint (undefined).
 */
export function parseMetricsPort(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === '-1') return undefined;
  const port = Number(value);
  if (value === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(`--metrics-port must be a port (0-65535, 0 = any free port) or "off", got "${text}"`);
  }
  return port;
}
