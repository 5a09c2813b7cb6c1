import { tmpdir } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import {
  addHealthAndReflection,
  authInterceptor,
  bindServer,
  clusterKeys,
  currentRequestId,
  drainServer,
  openRedis,
  publicPackageDefinition,
  startHealthServer,
  VECSHARD_SERVICE_NAME,
  VecshardService,
  WatchedApiKeys,
} from '@vecshard/proto';
import { openStore } from '@vecshard/storage';
import { destination, type Logger, pino } from 'pino';
import { CollectionCatalog } from './collection-catalog.js';
import type { CollectionRecord } from './collection-record.js';
import { CollectionStore } from './collection-store.js';
import { startConsole } from './console/console.js';
import type { CoordinatorContext } from './context.js';
import { coordinatorHandlers } from './coordinator-service.js';
import { coordinatorTls } from './coordinator-tls.js';
import { IdFilterWatch } from './id-filters/id-filter-watch.js';
import { IdFilters } from './id-filters/id-filters.js';
import { InFlightSearches } from './in-flight-searches.js';
import { adminJobs } from './jobs/admin-jobs.js';
import { importProcessor } from './jobs/import-job.js';
import { ImportRoots } from './jobs/import-roots.js';
import { JobQueue } from './jobs/job-queue.js';
import { jobHandlers, type SnapshotCatalog } from './jobs/jobs-service.js';
import { trainProcessor } from './jobs/train-job.js';
import { drain } from './moves/drain.js';
import { PlacementWatch } from './moves/placement-watch.js';
import { QueryLoadWatch } from './moves/query-load-watch.js';
import { rebalance } from './moves/rebalance.js';
import { concurrencyLimit } from './overload/concurrency-limit.js';
import { ProbeLoad } from './query-load/probe-load.js';
import { refillCollection } from './recovery/refill-collection.js';
import { RefillWatch } from './recovery/refill-watch.js';
import { ReplicaAcks } from './redis-durability.js';
import { CopyFences } from './replicas/copy-fences.js';
import { ReplicaReads } from './replicas/replica-reads.js';
import { LogBudget } from './snapshots/log-budget.js';
import { classify, snapshotJobs } from './snapshots/snapshot-jobs.js';
import { startCoordinatorTelemetry } from './telemetry.js';
import { WorkerClients } from './worker-clients.js';
import { WorkerDirectory } from './worker-directory.js';
import { WriteLog } from './write-log.js';
import { WriteSequence } from './write-sequence.js';

export interface CoordinatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 50051, 0 picks a free one. */
  port?: number;
  /** Redis holding the cluster state; default redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** Key prefix in Redis (default "vecshard"). */
  keyPrefix?: string;
  /** Local folder for the coordinator's files (objects downloaded for jobs); optional. */
  dataDir?: string;
  /**
   * The folders import and train jobs may read local files from (after
   * resolving ".." and symbolic links); default: the data dir; with neither,
   * jobs read only objects in the store ("store:KEY").
   */
  importRoots?: string[];
  /** Largest gRPC message accepted, bytes; default 256 MiB. Larger ones get RESOURCE_EXHAUSTED. */
  maxMessageBytes?: number;
  /** Longest a call to a worker may take when the client set no earlier deadline; default 30 s. */
  workerTimeoutMs?: number;
  /** pino log level; default "info". */
  logLevel?: string;
  /** Port of the Prometheus `/metrics` endpoint on `host`; 0 picks a free one; default none. */
  metricsPort?: number;
  /** Object store for snapshots: file:///dir or s3://bucket/prefix; without it Snapshot/Restore are refused. */
  storeUrl?: string;
  /** Snapshots kept per collection; older ones and blobs nobody references are deleted. Default 5. */
  snapshotsKept?: number;
  /**
   * A collection whose write log has grown past this many MiB since its last
   * snapshot is snapshotted automatically (0 = never); default 256.
   */
  snapshotEveryMb?: number;
  /** All collections' write logs together, MiB: over it the oldest log is snapshotted (0 = no bound). */
  logBudgetMb?: number;
  /** Unreferenced snapshot blobs younger than this survive retention; default 1 h. */
  snapshotGraceMs?: number;
  /** How long a running job's claim lasts: a dead coordinator's job is taken over after about this long. */
  jobLockMs?: number;
  /** Run queued jobs in this process (default true); false only queues them for other coordinators. */
  runJobs?: boolean;
  /**
   * Seconds a worker may stay dead or unregistered before its shards are
   * re-placed on live workers and refilled there; default 30.
   */
  replicaGraceS?: number;
  /** Send a slow shard read to a second copy as well (within 5 % of reads); default on. */
  hedging?: boolean;
  /**
   * How long the other copies of a shard may take to store a write after the
   * first did (at least; three times the first's time when that is longer)
   * before they are marked catching-up; default 1000 ms.
   */
  replicaLagMs?: number;
  /**
   * Queue a Rebalance once a worker holding no copy of some collection has
   * been alive this many seconds; default: never on its own.
   */
  autoRebalanceAfterS?: number;
  /** Half-life of the probes per list counted for a load-aware Rebalance, seconds; default 60. */
  queryLoadHalfLifeS?: number;
  /**
   * Every this many seconds, queue a query-load Rebalance of collections whose
   * counted probes leave a shard well over the mean; default: never on its own.
   */
  autoRebalanceQueriesS?: number;
  /** Rebalances and drains move at most this many MiB of list data a second (0: no limit); default 64. */
  moveMbPerS?: number;
  /**
   * A rebalance or drain that finds a collection being refilled moves the
   * others, then waits up to this many seconds for the refill before it
   * leaves that collection where it is (named in its result); default 600.
   */
  waitForRefillS?: number;
  /**
   * API key file (JSON array of { name, key | sha256, role }); with it every
   * call but health checks needs `authorization: Bearer <key>`. Default: no keys, open API.
   */
  apiKeysFile?: string;
  /** Calls served at once; more get RESOURCE_EXHAUSTED. Default 1000. */
  maxConcurrentRequests?: number;
  /** TLS on the public API: PEM certificate and key files, read again when they change. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /**
   * The cluster CA: with it, workers are called over mutual TLS: their
   * certificates must be signed by it, and this coordinator presents
   * tlsClientCertFile / tlsClientKeyFile (signed by it too).
   */
  tlsCaFile?: string;
  tlsClientCertFile?: string;
  tlsClientKeyFile?: string;
  /** How often certificate files are checked for changes, ms; default 5000. */
  tlsPollMs?: number;
  /** Port of a plaintext server answering only health checks, for probes that cannot speak TLS; default none. */
  healthPort?: number;
  /**
   * Port of the web console on `host` (HTTPS with the public API's
   * certificate, and API keys, when those are set); 0 picks a free one;
   * default none.
   */
  consolePort?: number;
}

export interface RunningCoordinator {
  address: string;
  port: number;
  /** http://HOST:PORT/metrics, when the metrics endpoint is on. */
  metricsUrl?: string;
  /** Port of the plaintext health-check server, when asked for. */
  healthPort?: number;
  /** http(s)://HOST:PORT/ of the web console, when it is on. */
  consoleUrl?: string;
  /** Stops accepting calls, lets in-flight ones finish (up to 10 s), and releases everything. */
  close(): Promise<void>;
}

export const DEFAULT_COORDINATOR_PORT = 50051;
export const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 1000;
export const DEFAULT_WAIT_FOR_REFILL_S = 600;

/** Starts a coordinator serving vecshard.v1.Vecshard, health and reflection, with its state in Redis. */
export async function startCoordinator(options: CoordinatorOptions = {}): Promise<RunningCoordinator> {
  const log = pino({ name: 'coordinator', level: options.logLevel ?? 'info' }, destination(2));
  // Read first: a bad key file should stop the start before anything connects.
  const apiKeys = options.apiKeysFile
    ? new WatchedApiKeys(options.apiKeysFile, {
        pollMs: options.tlsPollMs,
        onReload: (count) => log.info({ keys: count }, 'API keys reloaded'),
        onError: (error) => log.error({ err: error }, 'new API key file refused; keeping the previous keys'),
      })
    : undefined;
  const tls = coordinatorTls(options, log);
  const keys = clusterKeys(options.keyPrefix);
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const redis = openRedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = openRedis(redisUrl, { lazyConnect: true });
  for (const connection of [redis, subscriber])
    connection.on('error', (error) => log.warn({ err: error }, 'redis error'));
  await redis.connect();
  await subscriber.connect();

  const acks = ReplicaAcks.for(redis);
  const store = new CollectionStore(redis, keys, acks);
  const catalog = new CollectionCatalog(store);
  await subscriber.subscribe(keys.changes);
  subscriber.on('message', (_channel, name: string) => catalog.invalidate(name));
  const workers = new WorkerDirectory(redis, keys, (error) =>
    log.warn({ err: error }, 'worker refresh failed'),
  );
  await workers.start();
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const clients = new WorkerClients(maxBytes, tls.toWorkers);
  const ctx: CoordinatorContext = {
    store,
    catalog,
    workers,
    clients,
    workerTimeoutMs: options.workerTimeoutMs ?? 30_000,
    reads: new ReplicaReads({ hedging: options.hedging ?? true }),
    searches: new InFlightSearches(),
    moveBytesPerSecond: (options.moveMbPerS ?? 64) * 1024 * 1024,
    moveWaitForRefillMs: (options.waitForRefillS ?? DEFAULT_WAIT_FOR_REFILL_S) * 1000,
    replicaLagFloorMs: options.replicaLagMs ?? 1000,
    unsafeAckFirstCopy: process.env.VECSHARD_UNSAFE_ACK_FIRST_COPY === '1',
    fences: new CopyFences(redis, keys, acks),
    writeSequence: new WriteSequence(redis, keys, acks),
    idFilters: new IdFilters(redis, keys, acks),
    probeLoad: new ProbeLoad({
      redis,
      keys,
      halfLifeMs: (options.queryLoadHalfLifeS ?? 60) * 1000,
      onError: (error) => log.warn({ err: error }, 'could not publish the query load per list'),
    }),
    // Worth keeping only where snapshots can be taken: the log holds the writes since the last one.
    writeLog: options.storeUrl ? new WriteLog(redis, keys) : undefined,
  };

  if (ctx.unsafeAckFirstCopy)
    log.warn(
      'VECSHARD_UNSAFE_ACK_FIRST_COPY=1: writes are acknowledged after one copy; acknowledged writes CAN BE LOST',
    );
  const objectStore = options.storeUrl ? openStore(options.storeUrl) : undefined;
  const snapshots = objectStore
    ? snapshotJobs(ctx, objectStore, {
        kept: options.snapshotsKept ?? 5,
        graceMs: options.snapshotGraceMs ?? 3600_000,
      })
    : undefined;
  const importRoots = ImportRoots.of(options);
  const jobFiles = { store: objectStore, stagingDir: options.dataDir ?? tmpdir(), importRoots };
  const jobs = new JobQueue(
    {
      redisUrl,
      keyPrefix: options.keyPrefix ?? 'vecshard',
      lockMs: options.jobLockMs,
      onError: (error) => log.warn({ err: error }, 'job queue error'),
      onRetryLater: (job, why) => log.info({ job }, why),
    },
    {
      import: importProcessor(ctx, jobFiles, snapshots?.snapshot),
      train: trainProcessor(ctx, jobFiles),
      snapshot: snapshots?.snapshot ?? noStore,
      restore: snapshots?.restore ?? noStore,
      recover: (data, progress) => classify(() => refillCollection(ctx, snapshots?.stored, data, progress)),
      rebalance: (data, progress) => classify(() => rebalance(ctx, data, progress)),
      drain: (data, progress) => classify(() => drain(ctx, snapshots?.stored, data, progress)),
    },
  );
  if (options.runJobs ?? true) jobs.start();
  const autoSnapshotBytes = (options.snapshotEveryMb ?? 256) * 1024 * 1024;
  const logBudgetBytes = (options.logBudgetMb ?? 1024) * 1024 * 1024;
  if (snapshots) {
    // One automatic snapshot per base snapshot: the job id repeats until it has been taken.
    const snapshotOnce = async (record: CollectionRecord) => {
      const jobId = `auto-snapshot-${record.name}-${record.lastSnapshot?.id ?? 'first'}`;
      await jobs.enqueue({ kind: 'snapshot', collection: record.name }, jobId);
    };
    const budget =
      logBudgetBytes > 0
        ? new LogBudget({
            redis,
            keys,
            budgetBytes: logBudgetBytes,
            collections: () => ctx.store.names(),
            snapshot: async (name) => {
              const record = await ctx.store.get(name);
              if (record) await snapshotOnce(record);
            },
            onError: (error) =>
              log.warn({ err: error }, 'could not check the write logs against their budget'),
          })
        : undefined;
    ctx.onLogged = (record, logBytes) => {
      budget?.afterWrite();
      if (autoSnapshotBytes === 0 || logBytes < autoSnapshotBytes) return;
      snapshotOnce(record).catch((error) =>
        log.warn({ err: error, collection: record.name }, 'could not queue a snapshot'),
      );
    };
  }
  // Copies on workers that restarted empty, missed writes or are gone for good
  // are refilled from a ready peer, or from the snapshots and the write log;
  // found before this coordinator serves.
  const refills = new RefillWatch(ctx, {
    ensureJob: async (data, jobId) => {
      const found = await jobs.ensure(data, jobId);
      if (found === 'queued')
        log.warn({ collection: data.collection, job: jobId, shards: data.shards }, 'refilling shards');
      return found !== 'completed';
    },
    underWay: async (collection) =>
      (await jobs.pendingData()).flatMap((data) =>
        data.kind === 'recover' && data.collection === collection ? data.shards : [],
      ),
    graceMs: (options.replicaGraceS ?? 30) * 1000,
    canRebuild: snapshots !== undefined,
    onError: (error) => log.warn({ err: error }, 'checking for shards to refill failed'),
  });
  await refills.start();
  // Drains workers that ask for it before stopping; with auto-rebalance, gives new workers their share.
  const placementWatch = new PlacementWatch(ctx, {
    redis,
    keys,
    ensureJob: async (data, jobId) => {
      if ((await jobs.ensure(data, jobId)) === 'queued')
        log.info({ job: jobId, ...data }, 'placement job queued');
    },
    autoRebalanceAfterMs:
      options.autoRebalanceAfterS === undefined ? undefined : options.autoRebalanceAfterS * 1000,
    onError: (error) => log.warn({ err: error }, 'checking for placement moves failed'),
  });
  placementWatch.start();
  ctx.probeLoad?.start();
  // With --auto-rebalance-queries-s, hot lists are spread without an operator (on coordinators running jobs).
  const queryLoadWatch =
    options.autoRebalanceQueriesS !== undefined && (options.runJobs ?? true)
      ? new QueryLoadWatch(ctx, {
          ensureJob: async (data, jobId) => {
            if ((await jobs.ensure(data, jobId)) === 'queued')
              log.info({ job: jobId, collection: data.collection }, 'query-load rebalance queued');
          },
          intervalMs: options.autoRebalanceQueriesS * 1000,
          onError: (error) => log.warn({ err: error }, 'checking the query load failed'),
        })
      : undefined;
  queryLoadWatch?.start();
  // Collections trained before the id filters existed (or whose filters were lost) get them back.
  const idFilterWatch =
    (options.runJobs ?? true)
      ? new IdFilterWatch(ctx, redis, keys, {
          onRebuilt: (collection, result) => log.info({ collection, ...result }, 'id filters rebuilt'),
          onError: (error) => log.warn({ err: error }, 'rebuilding id filters failed'),
        })
      : undefined;
  idFilterWatch?.start();
  const catalogOfSnapshots: SnapshotCatalog | undefined = snapshots;

  const host = options.host ?? '127.0.0.1';
  const telemetry = await startCoordinatorTelemetry(ctx, log, host, options.metricsPort);
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    interceptors: publicInterceptors(options, apiKeys, log),
  });
  const onInternal = (error: unknown, method: string) =>
    log.error({ err: error, method, requestId: currentRequestId() }, 'request failed');
  server.addService(
    VecshardService.service,
    telemetry.observe(VecshardService.service, {
      ...coordinatorHandlers(ctx, onInternal),
      ...jobHandlers(ctx, jobs, catalogOfSnapshots, importRoots, onInternal),
    }),
  );
  const health = addHealthAndReflection(server, publicPackageDefinition, [VECSHARD_SERVICE_NAME]);
  const port = await bindServer(server, host, options.port ?? DEFAULT_COORDINATOR_PORT, tls.publicApi);
  const healthServer =
    options.healthPort === undefined ? undefined : await startHealthServer(health, host, options.healthPort);
  const webConsole =
    options.consolePort === undefined
      ? undefined
      : await startConsole({
          host,
          port: options.consolePort,
          ctx,
          jobs,
          admin: adminJobs(ctx, jobs, catalogOfSnapshots),
          keys: apiKeys && (() => apiKeys.current()),
          certificates: tls.served,
          onError: (error) => log.warn({ err: error }, 'console request failed'),
        });
  health.serving();
  log.info(
    {
      address: `${host}:${port}`,
      tls: tls.enabled,
      healthPort: healthServer?.port,
      console: webConsole?.url,
      importRoots: importRoots.dirs,
    },
    'coordinator serving',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      health.notServing();
      refills.stop();
      placementWatch.stop();
      ctx.probeLoad?.stop();
      queryLoadWatch?.stop();
      idFilterWatch?.stop();
      await drainServer(server, 10_000);
      await healthServer?.close();
      await webConsole?.close();
      await jobs.close();
      workers.stop();
      clients.close();
      tls.close();
      apiKeys?.close();
      await telemetry.close();
      subscriber.disconnect();
      redis.disconnect();
      log.info('coordinator stopped');
    })();
    return closing;
  };
  return {
    address: `${host}:${port}`,
    port,
    metricsUrl: telemetry.metricsUrl,
    healthPort: healthServer?.port,
    consoleUrl: webConsole?.url,
    close,
  };
}

/** The concurrency limit first (it also bounds unauthenticated floods), then the key check. */
function publicInterceptors(
  options: CoordinatorOptions,
  apiKeys: WatchedApiKeys | undefined,
  log: Logger,
): grpc.ServerInterceptor[] {
  const limit = concurrencyLimit(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS, (method) =>
    log.debug({ method }, 'refused: too many concurrent requests'),
  );
  if (!apiKeys) return [limit.interceptor];
  log.info({ keys: apiKeys.current().size }, 'API keys required');
  // Refusals are logged by method and key name, never by the key.
  const auth = authInterceptor(
    () => apiKeys.current(),
    ({ method, code, caller }) => log.debug({ method, status: grpc.status[code], caller }, 'call refused'),
  );
  return [limit.interceptor, auth];
}

/** A job queued by a coordinator with a store but run by one without: it fails and says why. */
async function noStore(): Promise<never> {
  throw new Error(
    'this coordinator has no object store (--store): start every coordinator with the same --store',
  );
}
