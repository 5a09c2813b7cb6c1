import { delimiter } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_METRICS_PORT, parseMetricsPort } from '@vecshard/proto';
import {
  DEFAULT_COORDINATOR_PORT,
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  DEFAULT_WAIT_FOR_REFILL_S,
} from './coordinator.js';

export const COORDINATOR_HELP = `Usage: coordinator [options]

  --host HOST            interface to listen on (env VECSHARD_HOST, default 127.0.0.1)
  --port N               gRPC port, 0 = any free port (env VECSHARD_PORT, default ${DEFAULT_COORDINATOR_PORT})
  --redis URL            Redis holding the cluster state (env VECSHARD_REDIS_URL, default redis://127.0.0.1:6379)
  --data-dir DIR         local folder for the coordinator's files (env VECSHARD_DATA_DIR, default ./data)
  --import-root DIR      import and train jobs may read local files only under DIR (after resolving
                         ".." and symbolic links); repeat it for several folders (env
                         VECSHARD_IMPORT_ROOT, folders separated by "${delimiter}"; default: the data dir)
  --max-message-mb N     largest request accepted, MiB (env VECSHARD_MAX_MESSAGE_MB, default 256)
  --store URL            object store for snapshots, file:///dir or s3://bucket/prefix (env VECSHARD_STORE_URL)
  --snapshots-kept N     snapshots kept per collection (env VECSHARD_SNAPSHOTS_KEPT, default 5)
  --snapshot-every-mb N  snapshot a collection once its write log holds N MiB since the last
                         snapshot, 0 = never (env VECSHARD_SNAPSHOT_EVERY_MB, default 256)
  --log-budget-mb N      the write logs of all collections together may hold N MiB in Redis; over
                         it the collection with the oldest log is snapshotted first, 0 = no bound
                         (env VECSHARD_LOG_BUDGET_MB, default 1024)
  --snapshot-grace-s N   unreferenced snapshot blobs younger than this are kept, as another
                         coordinator may be writing them (default 3600)
  --job-lock-ms N        a running job not renewed for this long is taken over by another
                         coordinator (default 10000)
  --no-jobs              queue jobs but run none here (other coordinators run them)
  --replica-grace-s N    a worker dead or unregistered this long has its shards re-placed on live
                         workers and refilled there (env VECSHARD_REPLICA_GRACE_S, default 30)
  --no-hedging           never send a slow shard read to a second copy (default: hedge, within 5 %
                         of reads; env VECSHARD_HEDGING=0 turns it off too)
  --auto-rebalance       queue a Rebalance once a new worker has been alive 30 s (--auto-rebalance-s N: N s)
                         (env VECSHARD_AUTO_REBALANCE_S; default: only when asked)
  --move-mb-per-s N      rebalances and drains move at most N MiB of list data a second, so foreground
                         latency holds (env VECSHARD_MOVE_MB_PER_S, default 64; 0 = no limit)
  --wait-for-refill-s N  a rebalance or drain that finds a collection being refilled moves the others,
                         then waits up to N s for the refill before it leaves that collection where it
                         is, as its result says (default ${DEFAULT_WAIT_FOR_REFILL_S})
  --query-load-half-life-s N
                         half-life of the probes per list a Rebalance weighs query load by
                         (env VECSHARD_QUERY_LOAD_HALF_LIFE_S, default 60)
  --auto-rebalance-queries-s N
                         every N s, queue a query-load Rebalance of a collection whose counted probes
                         leave a shard more than 25 % over the mean (env VECSHARD_AUTO_REBALANCE_QUERIES_S;
                         default: only when asked)
  --replica-lag-ms N     how long the other copies of a shard may take to store a write after the
                         first did before they are marked catching-up (default 1000)
  --api-keys FILE        require API keys: a JSON array of { name, key | sha256, role } with role
                         read, write or admin (env VECSHARD_API_KEYS_FILE; default: no keys)
  --max-concurrent-requests N
                         calls served at once; more are answered RESOURCE_EXHAUSTED
                         (env VECSHARD_MAX_CONCURRENT_REQUESTS, default ${DEFAULT_MAX_CONCURRENT_REQUESTS})
  --tls-cert FILE        PEM certificate of the public API, which then speaks TLS (env VECSHARD_TLS_CERT)
  --tls-key FILE         its private key (env VECSHARD_TLS_KEY)
  --tls-ca FILE          the cluster CA: workers are called over mutual TLS and must present a
                         certificate it signed (env VECSHARD_TLS_CA)
  --tls-client-cert FILE certificate this coordinator presents to workers, signed by the cluster CA
                         (env VECSHARD_TLS_CLIENT_CERT)
  --tls-client-key FILE  its private key (env VECSHARD_TLS_CLIENT_KEY)
  --tls-poll-ms N        how often certificate and API key files are checked for changes (default 5000)
  --health-port N        plaintext port answering only grpc.health.v1, for probes that cannot speak
                         TLS (env VECSHARD_HEALTH_PORT, default none)
  --console-port N|any   the web console (cluster map, jobs, collections, search playground,
                         metrics) over HTTP on HOST:N, HTTPS with API keys under --tls-cert and
                         --api-keys; any = a free port (printed); 0 or off = none
                         (env VECSHARD_CONSOLE_PORT, default none)
  --log-level LEVEL      pino log level (env VECSHARD_LOG_LEVEL, default info)
  --metrics-port N|off   Prometheus /metrics port on HOST, 0 = any free port, off (or =-1) = none
                         (env VECSHARD_METRICS_PORT, default ${DEFAULT_METRICS_PORT})
`;

/** Reads flags, falling back to VECSHARD_* environment variables. */
export function coordinatorOptionsFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      redis: { type: 'string' },
      'data-dir': { type: 'string' },
      'import-root': { type: 'string', multiple: true },
      'max-message-mb': { type: 'string' },
      store: { type: 'string' },
      'snapshots-kept': { type: 'string' },
      'snapshot-grace-s': { type: 'string' },
      'snapshot-every-mb': { type: 'string' },
      'log-budget-mb': { type: 'string' },
      'job-lock-ms': { type: 'string' },
      'replica-grace-s': { type: 'string' },
      'no-hedging': { type: 'boolean' },
      'no-jobs': { type: 'boolean' },
      'replica-lag-ms': { type: 'string' },
      'auto-rebalance': { type: 'boolean' },
      'move-mb-per-s': { type: 'string' },
      'wait-for-refill-s': { type: 'string' },
      'query-load-half-life-s': { type: 'string' },
      'auto-rebalance-queries-s': { type: 'string' },
      'auto-rebalance-s': { type: 'string' },
      'api-keys': { type: 'string' },
      'max-concurrent-requests': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-ca': { type: 'string' },
      'tls-client-cert': { type: 'string' },
      'tls-client-key': { type: 'string' },
      'tls-poll-ms': { type: 'string' },
      'health-port': { type: 'string' },
      'log-level': { type: 'string' },
      'metrics-port': { type: 'string' },
      'console-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const maxMessageMb = positive(
    values['max-message-mb'] ?? env.VECSHARD_MAX_MESSAGE_MB ?? '256',
    'max-message-mb',
  );
  return {
    help: values.help ?? false,
    host: values.host ?? env.VECSHARD_HOST ?? '127.0.0.1',
    port: nonNegativeInteger(values.port ?? env.VECSHARD_PORT ?? String(DEFAULT_COORDINATOR_PORT), 'port'),
    redisUrl: values.redis ?? env.VECSHARD_REDIS_URL ?? 'redis://127.0.0.1:6379',
    dataDir: values['data-dir'] ?? env.VECSHARD_DATA_DIR ?? './data',
    importRoots: values['import-root'] ?? importRootList(env.VECSHARD_IMPORT_ROOT),
    maxMessageBytes: Math.floor(maxMessageMb * 1024 * 1024),
    logLevel: values['log-level'] ?? env.VECSHARD_LOG_LEVEL ?? 'info',
    metricsPort: parseMetricsPort(
      values['metrics-port'] ?? env.VECSHARD_METRICS_PORT ?? String(DEFAULT_METRICS_PORT),
    ),
    storeUrl: values.store ?? env.VECSHARD_STORE_URL,
    snapshotsKept: positive(values['snapshots-kept'] ?? env.VECSHARD_SNAPSHOTS_KEPT ?? '5', 'snapshots-kept'),
    snapshotEveryMb: nonNegativeNumber(
      values['snapshot-every-mb'] ?? env.VECSHARD_SNAPSHOT_EVERY_MB ?? '256',
      'snapshot-every-mb',
    ),
    logBudgetMb: nonNegativeNumber(
      values['log-budget-mb'] ?? env.VECSHARD_LOG_BUDGET_MB ?? '1024',
      'log-budget-mb',
    ),
    snapshotGraceMs: 1000 * nonNegativeInteger(values['snapshot-grace-s'] ?? '3600', 'snapshot-grace-s'),
    jobLockMs: positive(values['job-lock-ms'] ?? '10000', 'job-lock-ms'),
    runJobs: !values['no-jobs'],
    replicaGraceS: nonNegativeNumber(
      values['replica-grace-s'] ?? env.VECSHARD_REPLICA_GRACE_S ?? '30',
      'replica-grace-s',
    ),
    hedging: !(values['no-hedging'] ?? false) && env.VECSHARD_HEDGING !== '0',
    replicaLagMs: positive(values['replica-lag-ms'] ?? '1000', 'replica-lag-ms'),
    moveMbPerS: nonNegativeNumber(
      values['move-mb-per-s'] ?? env.VECSHARD_MOVE_MB_PER_S ?? '64',
      'move-mb-per-s',
    ),
    waitForRefillS: nonNegativeNumber(
      values['wait-for-refill-s'] ?? String(DEFAULT_WAIT_FOR_REFILL_S),
      'wait-for-refill-s',
    ),
    queryLoadHalfLifeS: positiveNumber(
      values['query-load-half-life-s'] ?? env.VECSHARD_QUERY_LOAD_HALF_LIFE_S ?? '60',
      'query-load-half-life-s',
    ),
    autoRebalanceQueriesS: optionalPositive(
      values['auto-rebalance-queries-s'] ?? env.VECSHARD_AUTO_REBALANCE_QUERIES_S,
      'auto-rebalance-queries-s',
    ),
    autoRebalanceAfterS: autoRebalance(
      values['auto-rebalance'],
      values['auto-rebalance-s'] ?? env.VECSHARD_AUTO_REBALANCE_S,
    ),
    apiKeysFile: values['api-keys'] ?? (env.VECSHARD_API_KEYS_FILE || undefined),
    maxConcurrentRequests: positiveInteger(
      values['max-concurrent-requests'] ??
        env.VECSHARD_MAX_CONCURRENT_REQUESTS ??
        String(DEFAULT_MAX_CONCURRENT_REQUESTS),
      'max-concurrent-requests',
    ),
    tlsCertFile: values['tls-cert'] ?? (env.VECSHARD_TLS_CERT || undefined),
    tlsKeyFile: values['tls-key'] ?? (env.VECSHARD_TLS_KEY || undefined),
    tlsCaFile: values['tls-ca'] ?? (env.VECSHARD_TLS_CA || undefined),
    tlsClientCertFile: values['tls-client-cert'] ?? (env.VECSHARD_TLS_CLIENT_CERT || undefined),
    tlsClientKeyFile: values['tls-client-key'] ?? (env.VECSHARD_TLS_CLIENT_KEY || undefined),
    tlsPollMs: positiveInteger(values['tls-poll-ms'] ?? '5000', 'tls-poll-ms'),
    healthPort: optionalPort(values['health-port'] ?? env.VECSHARD_HEALTH_PORT),
    consolePort: parseConsolePort(values['console-port'] ?? env.VECSHARD_CONSOLE_PORT),
  };
}

/** --console-port: a port, "any" for a free one, 0 / "off" / unset for no console. */
function parseConsolePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text === 'off' || text === '0') return undefined;
  if (text === 'any') return 0;
  return positiveInteger(text, 'console-port');
}

/** VECSHARD_IMPORT_ROOT: folders separated as in PATH; unset or empty: none named. */
function importRootList(text: string | undefined): string[] | undefined {
  const dirs = (text ?? '').split(delimiter).filter((dir) => dir !== '');
  return dirs.length > 0 ? dirs : undefined;
}

function nonNegativeInteger(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`--${what} must be a non-negative integer, got "${text}"`);
  return value;
}

function nonNegativeNumber(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new TypeError(`--${what} must be a non-negative number, got "${text}"`);
  return value;
}

function positiveNumber(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`--${what} must be a positive number, got "${text}"`);
  return value;
}

function optionalPositive(text: string | undefined, what: string): number | undefined {
  return text === undefined || text === '' ? undefined : positiveNumber(text, what);
}

function optionalPort(text: string | undefined): number | undefined {
  return text === undefined || text === '' ? undefined : nonNegativeInteger(text, 'health-port');
}

function positiveInteger(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new TypeError(`--${what} must be a positive integer, got "${text}"`);
  return value;
}

function positive(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`--${what} must be a positive number, got "${text}"`);
  return value;
}

/** Seconds before an automatic rebalance: --auto-rebalance (30 s) or --auto-rebalance-s N; undefined: off. */
function autoRebalance(flag: boolean | undefined, seconds: string | undefined): number | undefined {
  if (seconds !== undefined && seconds !== '') return nonNegativeNumber(seconds, 'auto-rebalance-s');
  return flag ? 30 : undefined;
}
