import { parseArgs } from 'node:util';
import { DEFAULT_METRICS_PORT, parseMetricsPort } from '@vecshard/proto';

export const WORKER_HELP = `Usage: shard-worker [options]

  --host HOST        interface to listen on (env VECSHARD_HOST, default 127.0.0.1)
  --port N           gRPC port, 0 = any free port (env VECSHARD_PORT, then VECSHARD_WORKER_PORT,
                     default 0; the container image sets VECSHARD_WORKER_PORT=50061)
  --redis URL        Redis for registration (env VECSHARD_REDIS_URL, default redis://127.0.0.1:6379)
  --id ID            worker id (env VECSHARD_WORKER_ID, default <hostname>-<port>)
  --device DEV       cpu or cuda:N (env VECSHARD_DEVICE, default cpu)
  --threads N        FAISS threads per call (env VECSHARD_FAISS_THREADS, default all cores)
  --subset-cache-mb N  memory for filtered subsets searched again, kept as one contiguous copy until
                     a write changes the shard (a tenant's rows), MiB (env VECSHARD_SUBSET_CACHE_MB,
                     default 64, 0 = none)
  --gpu-temp-mb N    GPU scratch memory FAISS reserves, MiB (env VECSHARD_GPU_TEMP_MEMORY_MB, default FAISS's)
  --advertise ADDR   address coordinators dial (env VECSHARD_ADVERTISE_ADDRESS, default HOST:PORT,
                     or <hostname>:PORT when HOST is 0.0.0.0 or ::)
  --tls-cert FILE    PEM certificate; with --tls-key and --tls-ca the worker speaks mutual TLS
                     (env VECSHARD_TLS_CERT)
  --tls-key FILE     its private key (env VECSHARD_TLS_KEY)
  --tls-ca FILE      the cluster CA: only clients presenting a certificate it signed are served
                     (env VECSHARD_TLS_CA)
  --api-keys FILE    require an API key with the read role on direct client searches
                     (vecshard.v1.ShardSearch), from the coordinator's key file (env VECSHARD_API_KEYS_FILE)
  --tls-poll-ms N    how often certificate files are checked for changes (default 5000)
  --health-port N    plaintext port answering only grpc.health.v1, for probes that cannot speak TLS
                     (env VECSHARD_HEALTH_PORT, default none)
  --drain-on-stop-s N  on SIGTERM, first ask the coordinators to move everything off this worker
                     and wait up to N s for it (a scale-down; env VECSHARD_DRAIN_ON_STOP_S, default 0: no)
  --stop-grace-s N   on SIGTERM, how long calls in flight may finish before they are cut
                     (env VECSHARD_STOP_GRACE_S, default 10)
  --log-level LEVEL  pino log level (env VECSHARD_LOG_LEVEL, default info)
  --metrics-port N|off  Prometheus /metrics port on HOST, 0 = any free port, off (or =-1) = none
                     (env VECSHARD_METRICS_PORT, default ${DEFAULT_METRICS_PORT})
`;

/** Reads flags, falling back to VECSHARD_* environment variables. */
export function workerOptionsFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      redis: { type: 'string' },
      id: { type: 'string' },
      device: { type: 'string' },
      threads: { type: 'string' },
      'subset-cache-mb': { type: 'string' },
      'drain-on-stop-s': { type: 'string' },
      'stop-grace-s': { type: 'string' },
      'gpu-temp-mb': { type: 'string' },
      advertise: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-ca': { type: 'string' },
      'tls-poll-ms': { type: 'string' },
      'api-keys': { type: 'string' },
      'health-port': { type: 'string' },
      'log-level': { type: 'string' },
      'metrics-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return {
    help: values.help ?? false,
    host: values.host ?? env.VECSHARD_HOST ?? '127.0.0.1',
    // VECSHARD_PORT is shared with the coordinator, so an image holding both programs
    // fixes the worker's port through a variable only the worker reads.
    port: integer(values.port ?? env.VECSHARD_PORT ?? env.VECSHARD_WORKER_PORT ?? '0', 'port'),
    redisUrl: values.redis ?? env.VECSHARD_REDIS_URL ?? 'redis://127.0.0.1:6379',
    id: values.id ?? env.VECSHARD_WORKER_ID,
    device: values.device ?? env.VECSHARD_DEVICE ?? 'cpu',
    threads: optionalInteger(values.threads ?? env.VECSHARD_FAISS_THREADS, 'threads'),
    subsetCacheMb: optionalInteger(
      values['subset-cache-mb'] ?? env.VECSHARD_SUBSET_CACHE_MB,
      'subset-cache-mb',
    ),
    gpuTempMemoryMb: optionalInteger(values['gpu-temp-mb'] ?? env.VECSHARD_GPU_TEMP_MEMORY_MB, 'gpu-temp-mb'),
    advertiseAddress: values.advertise ?? env.VECSHARD_ADVERTISE_ADDRESS,
    tlsCertFile: values['tls-cert'] ?? (env.VECSHARD_TLS_CERT || undefined),
    tlsKeyFile: values['tls-key'] ?? (env.VECSHARD_TLS_KEY || undefined),
    tlsCaFile: values['tls-ca'] ?? (env.VECSHARD_TLS_CA || undefined),
    tlsPollMs: optionalInteger(values['tls-poll-ms'], 'tls-poll-ms'),
    apiKeysFile: values['api-keys'] ?? (env.VECSHARD_API_KEYS_FILE || undefined),
    healthPort: optionalInteger(values['health-port'] ?? env.VECSHARD_HEALTH_PORT, 'health-port'),
    drainOnStopMs:
      1000 *
      (optionalInteger(values['drain-on-stop-s'] ?? env.VECSHARD_DRAIN_ON_STOP_S, 'drain-on-stop-s') ?? 0),
    drainTimeoutMs: secondsToMs(
      optionalInteger(values['stop-grace-s'] ?? env.VECSHARD_STOP_GRACE_S, 'stop-grace-s'),
    ),
    logLevel: values['log-level'] ?? env.VECSHARD_LOG_LEVEL ?? 'info',
    metricsPort: parseMetricsPort(
      values['metrics-port'] ?? env.VECSHARD_METRICS_PORT ?? String(DEFAULT_METRICS_PORT),
    ),
  };
}

function integer(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`--${what} must be a non-negative integer, got "${text}"`);
  return value;
}

function optionalInteger(text: string | undefined, what: string): number | undefined {
  return text === undefined || text === '' ? undefined : integer(text, what);
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : 1000 * seconds;
}
