import * as grpc from '@grpc/grpc-js';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { newRequestId, requestIdOf, runWithRequestId } from './request-id.js';
import { statusName } from './rpc-error.js';

/** Per-RPC metrics every vecshard gRPC server exports. */
export interface RpcMetrics {
  requests: Counter<'method' | 'code'>;
  duration: Histogram<'method' | 'code'>;
  inFlight: Gauge<'method'>;
}

/** Seconds: from sub-millisecond lookups to training calls that take a minute. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

/** Registers the request counter, latency histogram and in-flight gauge of a server. */
export function createRpcMetrics(registry: Registry): RpcMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'vecshard_rpc_requests_total',
      help: 'gRPC requests handled, by method and status code',
      labelNames: ['method', 'code'],
      registers,
    }),
    duration: new Histogram({
      name: 'vecshard_rpc_duration_seconds',
      help: 'Time from receiving a gRPC request to answering it, by method and status code',
      labelNames: ['method', 'code'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    inFlight: new Gauge({
      name: 'vecshard_rpc_in_flight',
      help: 'gRPC requests being handled right now, by method',
      labelNames: ['method'],
      registers,
    }),
  };
}

/** What a unary handler answers a failed call with (null when it succeeded). */
type CallError = Parameters<grpc.sendUnaryData<unknown>>[0];

/** The part of a pino logger request logging needs. */
export interface RequestLog {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface RpcObservation {
  metrics: RpcMetrics;
  log: RequestLog;
  /**
   * Run each handler with its request id as async context, so calls it makes
   * further down (the coordinator's calls to workers) can forward the id.
   */
  scoped?: boolean;
}

/**
 * Wraps every unary handler of a service so each call is counted, timed and
 * logged under its request id (the caller's `x-request-id`, or a new one).
 * Successes log at debug level and failures at warn, so a busy server logs
 * nothing per request at info level. Streaming handlers pass through.
 */
export function observeUnaryCalls<H extends object>(
  definition: grpc.ServiceDefinition,
  handlers: H,
  observation: RpcObservation,
): H {
  const observed: Record<string, unknown> = { ...(handlers as Record<string, unknown>) };
  for (const [method, handler] of Object.entries(observed)) {
    const rpc = definition[method];
    if (rpc && !rpc.requestStream && !rpc.responseStream && typeof handler === 'function') {
      observed[method] = observeUnary(method, handler as grpc.handleUnaryCall<unknown, unknown>, observation);
    }
  }
  return observed as H;
}

function observeUnary(
  method: string,
  handler: grpc.handleUnaryCall<unknown, unknown>,
  { metrics, log, scoped }: RpcObservation,
): grpc.handleUnaryCall<unknown, unknown> {
  const inFlight = metrics.inFlight.labels(method);
  return (call, callback) => {
    const requestId = requestIdOf(call.metadata) ?? newRequestId();
    const started = performance.now();
    let answered = false;
    inFlight.inc();
    const respond: grpc.sendUnaryData<unknown> = (error, value, trailer, flags) => {
      if (!answered) {
        answered = true;
        inFlight.dec();
        record(method, requestId, (performance.now() - started) / 1000, error, metrics, log);
      }
      callback(error, value, trailer, flags);
    };
    const run = () => {
      try {
        handler(call, respond);
      } catch (error) {
        // Handlers answer through the callback; one that throws instead must still answer.
        respond({ code: grpc.status.INTERNAL, details: `${method} failed: ${(error as Error)?.message}` });
      }
    };
    if (scoped) runWithRequestId(requestId, run);
    else run();
  };
}

function record(
  method: string,
  requestId: string,
  seconds: number,
  error: CallError,
  metrics: RpcMetrics,
  log: RequestLog,
): void {
  const code = error ? (error.code ?? grpc.status.UNKNOWN) : grpc.status.OK;
  const codeName = statusName(code);
  metrics.requests.labels(method, codeName).inc();
  metrics.duration.labels(method, codeName).observe(seconds);
  const ms = Math.round(seconds * 10_000) / 10;
  if (code === grpc.status.OK) {
    log.debug({ requestId, method, ms }, 'request served');
  } else {
    const details = error?.details ?? (error as Error | null)?.message;
    log.warn({ requestId, method, code: codeName, details, ms }, 'request failed');
  }
}
