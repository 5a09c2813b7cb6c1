import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type ManagedProcess, startProcess } from './child-process.js';
import { startRedisServer } from './redis-server.js';
import { type ClusterSecrets, ensureClusterSecrets } from './secrets/cluster-secrets.js';
import { SupervisedProcess, type SupervisorEvent } from './supervised-process.js';

export interface LocalClusterOptions {
  /** Shard workers to start (default 2). */
  workers?: number;
  /** Coordinator gRPC port (default 50051; 0 picks a free one). */
  port?: number;
  host?: string;
  /** Use this Redis instead of starting a private redis-server. */
  redisUrl?: string;
  /** Where the cluster keeps its files (snapshots in file:// stores, Redis persistence). */
  dataDir?: string;
  /**
   * Folders whose files import and train jobs may read (the coordinator's
   * --import-root); default: the current directory. The data dir is always
   * one too (the demo writes its files there).
   */
  importRoots?: string[];
  /**
   * Object store URL for snapshots (default file://<dataDir>/store); null runs
   * without one: no snapshots and no write log.
   */
  storeUrl?: string | null;
  /** FAISS threads per worker. */
  threads?: number;
  /** Seconds a worker may be gone before its shards are re-placed on the others (coordinator default 30). */
  replicaGraceS?: number;
  /** Extra coordinator flags. */
  coordinatorArgs?: string[];
  /** Port of the coordinator's web console (default 0: a free one); null: no console. */
  consolePort?: number | null;
  /**
   * TLS on the public API, mutual TLS between coordinator and workers, and API
   * keys, with a CA, certificates and keys made under <dataDir>/secrets.
   */
  secure?: boolean;
  /** Receives every line the cluster's processes print. */
  log?: (line: string) => void;
  /** Told when a worker exits unexpectedly and when it is started again (same id, with backoff). */
  onWorkerEvent?: (event: SupervisorEvent) => void;
  /** Start a worker again when it exits unexpectedly (default true). */
  restartWorkers?: boolean;
}

export interface LocalCluster {
  /** The coordinator's HOST:PORT. */
  readonly address: string;
  readonly redisUrl: string;
  /** The processes running now (a restarted worker's new process). */
  readonly processes: readonly ManagedProcess[];
  /** The shard workers, each restarted when it exits unexpectedly. */
  readonly workers: readonly SupervisedProcess[];
  /** The CA, certificates and API keys, when the cluster is secure. */
  readonly secrets?: ClusterSecrets;
  /** http(s)://HOST:PORT/ of the coordinator's web console, when it is on. */
  readonly consoleUrl?: string;
  /** Process ids of the processes running now, by role (for CPU accounting). */
  pids(): ClusterProcessId[];
  /** Starts one more shard worker (the next id, worker-N), as a scale-up would. */
  addWorker(): Promise<SupervisedProcess>;
  close(): Promise<void>;
}

/** One process of a local cluster: what it does, its name and its operating-system id. */
export interface ClusterProcessId {
  role: 'redis' | 'worker' | 'coordinator';
  name: string;
  pid: number;
}

const require = createRequire(import.meta.url);

function entryPoint(pkg: string): string {
  return join(dirname(require.resolve(pkg)), 'main.js');
}

/**
 * Starts redis-server (unless one is given), N shard workers and a coordinator on
 * this machine, each its own process; a worker that exits unexpectedly is
 * started again under its id, as a StatefulSet would. Closing stops them in
 * reverse order.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.vecshard');
  mkdirSync(dataDir, { recursive: true });
  const storeUrl =
    options.storeUrl === null ? undefined : (options.storeUrl ?? `file://${join(dataDir, 'store')}`);
  const started: { stop(graceMs?: number): Promise<void> }[] = [];
  const close = async () => {
    for (const p of started) if (p instanceof SupervisedProcess) p.expectExit();
    for (const p of [...started].reverse()) await p.stop();
  };
  const secrets = options.secure ? await ensureClusterSecrets(join(dataDir, 'secrets')) : undefined;
  try {
    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      // The cluster's state lives in Redis: kept in the data dir, a second start serves it again.
      const redis = await startRedisServer({
        dataDir: join(dataDir, 'redis'),
        persist: true,
        log: options.log,
      });
      started.push(redis);
      redisUrl = redis.address;
    }
    // Several processes on one machine: each takes a free metrics port (printed in its log).
    const common = ['--redis', redisUrl, '--host', host, '--metrics-port', '0'];
    // Empty rather than absent, so a store named in this process's own environment does not leak in.
    const env: NodeJS.ProcessEnv = { VECSHARD_STORE_URL: storeUrl ?? '' };
    const onWorkerEvent = options.onWorkerEvent ?? (() => {});
    const startWorker = (i: number) =>
      SupervisedProcess.start(
        {
          name: `worker-${i}`,
          command: process.execPath,
          args: [
            entryPoint('@vecshard/shard-worker'),
            ...common,
            '--port',
            '0',
            '--id',
            `worker-${i}`,
            ...(options.threads ? ['--threads', String(options.threads)] : []),
            ...(secrets ? workerSecurityArgs(secrets) : []),
          ],
          ready: /shard-worker ready at (\S+)/,
          env,
          log: options.log,
        },
        onWorkerEvent,
        options.restartWorkers ?? true,
      );
    const workers = await Promise.all(Array.from({ length: options.workers ?? 2 }, (_, i) => startWorker(i)));
    started.push(...workers);
    let nextWorker = workers.length;
    // The coordinator prints where its console is before its ready line.
    let consoleUrl: string | undefined;
    const consolePort = options.consolePort === undefined ? 0 : options.consolePort;
    const coordinator = await startProcess({
      name: 'coordinator',
      command: process.execPath,
      args: [
        entryPoint('@vecshard/coordinator'),
        ...common,
        '--port',
        String(options.port ?? 50051),
        '--data-dir',
        dataDir,
        ...[...(options.importRoots ?? [process.cwd()]), dataDir].flatMap((dir) => [
          '--import-root',
          resolve(dir),
        ]),
        ...(options.replicaGraceS === undefined ? [] : ['--replica-grace-s', String(options.replicaGraceS)]),
        ...(consolePort === null ? [] : ['--console-port', consolePort === 0 ? 'any' : String(consolePort)]),
        ...(options.coordinatorArgs ?? []),
        ...(secrets ? coordinatorSecurityArgs(secrets) : []),
      ],
      ready: /coordinator ready at (\S+)/,
      env,
      log: (line) => {
        consoleUrl = /coordinator console at (\S+)/.exec(line)?.[1] ?? consoleUrl;
        options.log?.(line);
      },
    });
    started.push(coordinator);
    const fixed = started.filter((p): p is ManagedProcess => 'child' in p);
    return {
      address: coordinator.address,
      redisUrl,
      get processes() {
        return [...fixed.filter((p) => p !== coordinator), ...workers.map((w) => w.current), coordinator];
      },
      workers,
      secrets,
      consoleUrl,
      addWorker: async () => {
        // Numbered when asked, so workers added at once get distinct ids.
        const worker = await startWorker(nextWorker++);
        workers.push(worker);
        // Stopped before the coordinator, like the first ones.
        started.splice(started.indexOf(coordinator), 0, worker);
        return worker;
      },
      pids: () => [
        ...fixed.filter((p) => p !== coordinator).map((p) => processId('redis', p)),
        ...workers.map((w) => processId('worker', w.current)),
        processId('coordinator', coordinator),
      ],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function processId(role: ClusterProcessId['role'], p: ManagedProcess): ClusterProcessId {
  // A child that failed to spawn has no pid; a started cluster's processes all do.
  return { role, name: p.name, pid: p.child.pid ?? -1 };
}

function workerSecurityArgs(secrets: ClusterSecrets): string[] {
  return [
    ...['--tls-cert', secrets.workerCert, '--tls-key', secrets.workerKey, '--tls-ca', secrets.caCert],
    // Direct client searches on the worker's port take the same keys as the coordinator.
    ...['--api-keys', secrets.apiKeysFile],
  ];
}

function coordinatorSecurityArgs(secrets: ClusterSecrets): string[] {
  return [
    ...['--tls-cert', secrets.serverCert, '--tls-key', secrets.serverKey],
    ...['--tls-ca', secrets.caCert],
    ...['--tls-client-cert', secrets.coordinatorClientCert, '--tls-client-key', secrets.coordinatorClientKey],
    ...['--api-keys', secrets.apiKeysFile],
  ];
}
