import { hostname } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import { faissBuild, faissVersion, hasGpu, setNumThreads, setSubsetCacheBytes } from '@vecshard/faiss';
import {
  addHealthAndReflection,
  bindServer,
  type ClusterKeys,
  clusterKeys,
  drainServer,
  openRedis,
  SHARD_SEARCH_SERVICE_NAME,
  SHARD_WORKER_SERVICE_NAME,
  ShardSearchService,
  ShardWorkerService,
  startHealthServer,
  WatchedApiKeys,
  type WorkerRegistration,
  workerServedPackageDefinition,
} from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { destination, type Logger, pino } from 'pino';
import { defaultAdvertiseAddress } from './advertise-address.js';
import { parseDevice } from './device.js';
import { directSearchInterceptor } from './direct-search-auth.js';
import { ReadLease } from './read-lease.js';
import { WorkerHeartbeat } from './registration.js';
import { shardSearchHandlers } from './shard-search-service.js';
import { type ShardRegistry, shardWorkerHandlers } from './shard-worker-service.js';
import { startWorkerTelemetry } from './telemetry.js';
import { workerTls } from './worker-tls.js';

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
  /**
   * Memory for filtered subsets searched again (a tenant's rows, gathered into
   * one contiguous copy until a write changes the shard), MiB; default 64, 0 = none.
   */
  subsetCacheMb?: number;
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
  /**
   * On close, first ask the coordinators to move everything off this worker
   * (a drain) and wait up to this long for it (a scale-down within the pod's
   * grace period); default 0: no drain.
   */
  drainOnStopMs?: number;
  /**
   * Mutual TLS: this worker's PEM certificate and key, and the cluster CA;
   * only callers presenting a certificate the CA signed are served. All three or none.
   */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  /**
   * API key file (as the coordinator's --api-keys): when set, direct client
   * searches (vecshard.v1.ShardSearch) need a key with the read role. The
   * internal service is guarded by mutual TLS instead.
   */
  apiKeysFile?: string;
  /** How often certificate files are checked for changes, ms; default 5000. */
  tlsPollMs?: number;
  /** Port of a plaintext server answering only health checks, for probes that cannot speak TLS; default none. */
  healthPort?: number;
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
  /** Port of the plaintext health-check server, when asked for. */
  healthPort?: number;
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
  if (options.subsetCacheMb !== undefined) setSubsetCacheBytes(options.subsetCacheMb * 1024 * 1024);

  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const apiKeys = options.apiKeysFile
    ? new WatchedApiKeys(options.apiKeysFile, {
        pollMs: options.tlsPollMs,
        onError: (error) => log.error({ err: error }, 'new API key file refused; keeping the previous keys'),
      })
    : undefined;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    interceptors: apiKeys ? [directSearchInterceptor(apiKeys, log)] : [],
  });
  const registry: ShardRegistry = new Map();
  // A worker registered in Redis answers reads only under a lease renewed by its heartbeats.
  const lease = options.redisUrl ? new ReadLease() : undefined;
  const telemetry = await startWorkerTelemetry(registry, log, host, options.metricsPort);
  const tls = workerTls(options, log);
  const port = await bindServer(server, host, options.port ?? 0, tls.credentials).catch((error) => {
    tls.close();
    throw error;
  });
  const id = options.id ?? `${hostname()}-${port}`;
  const onInternal = (error: unknown, method: string) => log.error({ err: error, method }, 'request failed');
  server.addService(
    ShardWorkerService.service,
    telemetry.observe(
      ShardWorkerService.service,
      shardWorkerHandlers(
        registry,
        {
          id,
          device: device.name,
          faissBuild: faissBuild(),
          gpuTempMemoryBytes: (options.gpuTempMemoryMb ?? 0) * 1024 * 1024,
          lease,
        },
        onInternal,
      ),
    ),
  );
  server.addService(
    ShardSearchService.service,
    telemetry.observe(ShardSearchService.service, shardSearchHandlers(registry, onInternal)),
  );
  const health = addHealthAndReflection(server, workerServedPackageDefinition, [
    SHARD_WORKER_SERVICE_NAME,
    SHARD_SEARCH_SERVICE_NAME,
  ]);
  const address = options.advertiseAddress ?? defaultAdvertiseAddress(host, port);

  let redis: Redis | undefined;
  let heartbeat: WorkerHeartbeat | undefined;
  let registration: WorkerRegistration | undefined;
  if (options.redisUrl) {
    redis = openRedis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    redis.on('error', (error) => log.warn({ err: error }, 'redis error'));
    await redis.connect();
    registration = { id, address, device: device.name, faissBuild: faissBuild(), startedAtMs: Date.now() };
    heartbeat = new WorkerHeartbeat(
      redis,
      clusterKeys(options.keyPrefix),
      registration,
      (error) => log.warn({ err: error }, 'heartbeat failed'),
      (beat) => {
        // Fences first: a copy that missed writes must not answer under the renewed lease.
        for (const [key, epoch] of Object.entries(beat.fences)) registry.get(key)?.markStale(BigInt(epoch));
        lease?.renewedBy(beat.sentAt);
      },
    );
    await heartbeat.start();
  }
  const healthServer =
    options.healthPort === undefined ? undefined : await startHealthServer(health, host, options.healthPort);
  health.serving();
  log.info(
    {
      id,
      address,
      device: device.name,
      faiss: { build: faissBuild(), version: faissVersion() },
      mutualTls: tls.enabled,
      healthPort: healthServer?.port,
    },
    'shard worker serving',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      if (options.drainOnStopMs && redis && registration) {
        await askToBeDrained(
          redis,
          clusterKeys(options.keyPrefix),
          registration,
          registry,
          options.drainOnStopMs,
          log,
        );
      }
      health.notServing();
      // Deregister first, so coordinators stop routing here while in-flight calls finish.
      await heartbeat?.stop().catch((error) => log.warn({ err: error }, 'deregistration failed'));
      await drainServer(server, options.drainTimeoutMs ?? 10_000);
      await healthServer?.close();
      redis?.disconnect();
      registry.clear();
      tls.close();
      apiKeys?.close();
      await telemetry.close();
      log.info({ id }, 'shard worker stopped');
    })();
    return closing;
  };
  return {
    address,
    id,
    device: device.name,
    metricsUrl: telemetry.metricsUrl,
    healthPort: healthServer?.port,
    close,
  };
}

/** Stops taking new calls and waits for running ones, cutting them off after `timeoutMs`. */

/**
 * Before stopping (a scale-down): asks the coordinators to drain this worker
 * and waits until it holds nothing, or `limitMs` (its grace period) has passed.
 */
async function askToBeDrained(
  redis: Redis,
  keys: ClusterKeys,
  registration: WorkerRegistration,
  registry: ShardRegistry,
  limitMs: number,
  log: Logger,
): Promise<void> {
  if (registry.size === 0) return;
  await redis.hset(keys.drainRequests, registration.id, String(registration.startedAtMs));
  log.info({ id: registration.id, limitMs }, 'asked to be drained before stopping');
  const until = Date.now() + limitMs;
  while (registry.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  await redis.hdel(keys.drainRequests, registration.id);
  if (registry.size > 0)
    log.warn({ id: registration.id }, 'drain did not finish within the limit; stopping anyway');
}
