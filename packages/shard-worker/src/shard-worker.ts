import { hostname } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import { hasGpu, setNumThreads } from '@vecshard/faiss';
import {
  addHealthAndReflection,
  bindServer,
  clusterKeys,
  drainServer,
  SHARD_WORKER_SERVICE_NAME,
  ShardWorkerService,
  workerPackageDefinition,
} from '@vecshard/proto';
import { Redis } from 'ioredis';
import { destination, pino } from 'pino';
import { defaultAdvertiseAddress } from './advertise-address.js';
import { parseDevice } from './device.js';
import { WorkerHeartbeat } from './registration.js';
import { type ShardRegistry, shardWorkerHandlers } from './shard-worker-service.js';
import { startWorkerTelemetry } from './telemetry.js';

export interface ShardWorkerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Redis URL for registration and heartbeats; without it the worker runs unregistered. */
  redisUrl?: string;
  /** Key prefix in Redis (default "vecshard"). */
  keyPrefix?: string;
  /** Worker id; default `<hostname>-<port>`. */
  id?: string;
  /** "cpu" (default) or "cuda:N". */
  device?: string;
  /** FAISS (OpenMP) threads per call; default: FAISS's own default. */
  threads?: number;
  /** GPU scratch memory FAISS reserves on a cuda device, MiB; default FAISS's own. */
  gpuTempMemoryMb?: number;
  /**
   * Address coordinators should dial; default host:port, or hostname:port when host is a
   * wildcard (0.0.0.0, ::). Set it when neither is right (e.g. a Kubernetes DNS name).
   */
  advertiseAddress?: string;
  /** Largest gRPC message accepted or sent, bytes; default 256 MiB. */
  maxMessageBytes?: number;
  /** How long close() waits for in-flight calls before cutting them; default 10 s. */
  drainTimeoutMs?: number;
  /** pino log level; default "info". */
  logLevel?: string;
  /** Port of the Prometheus `/metrics` endpoint on `host`; 0 picks a free one; default none. */
  metricsPort?: number;
}

export interface RunningShardWorker {
  address: string;
  id: string;
  device: string;
  /** http://HOST:PORT/metrics, when the metrics endpoint is on. */
  metricsUrl?: string;
  /** Stops accepting calls, lets in-flight ones finish, deregisters, and releases everything. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/** Starts a shard worker serving vecshard.worker.v1.ShardWorker, health and reflection. */
export async function startShardWorker(options: ShardWorkerOptions = {}): Promise<RunningShardWorker> {
  const log = pino({ name: 'shard-worker', level: options.logLevel ?? 'info' }, destination(2));
  const device = parseDevice(options.device ?? 'cpu', hasGpu());
  if (device.cudaIndex !== undefined) process.env.CUDA_VISIBLE_DEVICES = String(device.cudaIndex);
  if (options.threads !== undefined) setNumThreads(options.threads);

  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
  });
  const registry: ShardRegistry = new Map();
  const telemetry = await startWorkerTelemetry(registry, log, host, options.metricsPort);
  const port = await bindServer(server, host, options.port ?? 0, grpc.ServerCredentials.createInsecure());
  const id = options.id ?? `${hostname()}-${port}`;
  const onInternal = (error: unknown, method: string) => log.error({ err: error, method }, 'request failed');
  server.addService(
    ShardWorkerService.service,
    telemetry.observe(
      ShardWorkerService.service,
      shardWorkerHandlers(
        registry,
        { id, device: device.name, gpuTempMemoryBytes: (options.gpuTempMemoryMb ?? 0) * 1024 * 1024 },
        onInternal,
      ),
    ),
  );
  const health = addHealthAndReflection(server, workerPackageDefinition, [SHARD_WORKER_SERVICE_NAME]);
  const address = options.advertiseAddress ?? defaultAdvertiseAddress(host, port);

  let redis: Redis | undefined;
  let heartbeat: WorkerHeartbeat | undefined;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    redis.on('error', (error) => log.warn({ err: error }, 'redis error'));
    await redis.connect();
    const registration = { id, address, device: device.name, startedAtMs: Date.now() };
    heartbeat = new WorkerHeartbeat(redis, clusterKeys(options.keyPrefix), registration, (error) =>
      log.warn({ err: error }, 'heartbeat failed'),
    );
    await heartbeat.start();
  }
  health.serving();
  log.info({ id, address, device: device.name }, 'shard worker serving');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      health.notServing();
      // Deregister first, so coordinators stop routing here while in-flight calls finish.
      await heartbeat?.stop().catch((error) => log.warn({ err: error }, 'deregistration failed'));
      await drainServer(server, options.drainTimeoutMs ?? 10_000);
      redis?.disconnect();
      registry.clear();
      await telemetry.close();
      log.info({ id }, 'shard worker stopped');
    })();
    return closing;
  };
  return { address, id, device: device.name, metricsUrl: telemetry.metricsUrl, close };
}

/** Stops taking new calls and waits for running ones, cutting them off after `timeoutMs`. */
