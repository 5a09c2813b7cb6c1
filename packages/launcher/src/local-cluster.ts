import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type ManagedProcess, startProcess } from './child-process.js';
import { startRedisServer } from './redis-server.js';
import { type ClusterSecrets, ensureClusterSecrets } from './secrets/cluster-secrets.js';

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
   * Object store URL for snapshots (default file://<dataDir>/store); null runs
   * without one: no snapshots and no write log.
   */
  storeUrl?: string | null;
  /** FAISS threads per worker. */
  threads?: number;
  /**
   * TLS on the public API, mutual TLS between coordinator and workers, and API
   * keys, with a CA, certificates and keys made under <dataDir>/secrets.
   */
  secure?: boolean;
  /** Receives every line the cluster's processes print. */
  log?: (line: string) => void;
}

export interface LocalCluster {
  /** The coordinator's HOST:PORT. */
  readonly address: string;
  readonly redisUrl: string;
  readonly processes: readonly ManagedProcess[];
  /** The CA, certificates and API keys, when the cluster is secure. */
  readonly secrets?: ClusterSecrets;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

function entryPoint(pkg: string): string {
  return join(dirname(require.resolve(pkg)), 'main.js');
}

/**
 * Starts redis-server (unless one is given), N shard workers and a coordinator on
 * this machine, each its own process; closing stops them in reverse order.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.vecshard');
  mkdirSync(dataDir, { recursive: true });
  const storeUrl =
    options.storeUrl === null ? undefined : (options.storeUrl ?? `file://${join(dataDir, 'store')}`);
  const started: ManagedProcess[] = [];
  const close = async () => {
    for (const p of [...started].reverse()) await p.stop();
  };
  const secrets = options.secure ? await ensureClusterSecrets(join(dataDir, 'secrets')) : undefined;
  try {
    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      const redis = await startRedisServer({ dataDir: join(dataDir, 'redis'), log: options.log });
      started.push(redis);
      redisUrl = redis.address;
    }
    // Several processes on one machine: each takes a free metrics port (printed in its log).
    const common = ['--redis', redisUrl, '--host', host, '--metrics-port', '0'];
    // Empty rather than absent, so a store named in this process's own environment does not leak in.
    const env: NodeJS.ProcessEnv = { VECSHARD_STORE_URL: storeUrl ?? '' };
    const workers = await Promise.all(
      Array.from({ length: options.workers ?? 2 }, (_, i) =>
        startProcess({
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
        }),
      ),
    );
    started.push(...workers);
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
        ...(secrets ? coordinatorSecurityArgs(secrets) : []),
      ],
      ready: /coordinator ready at (\S+)/,
      env,
      log: options.log,
    });
    started.push(coordinator);
    return { address: coordinator.address, redisUrl, processes: started, secrets, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function workerSecurityArgs(secrets: ClusterSecrets): string[] {
  return ['--tls-cert', secrets.workerCert, '--tls-key', secrets.workerKey, '--tls-ca', secrets.caCert];
}

function coordinatorSecurityArgs(secrets: ClusterSecrets): string[] {
  return [
    ...['--tls-cert', secrets.serverCert, '--tls-key', secrets.serverKey],
    ...['--tls-ca', secrets.caCert],
    ...['--tls-client-cert', secrets.coordinatorClientCert, '--tls-client-key', secrets.coordinatorClientKey],
    ...['--api-keys', secrets.apiKeysFile],
  ];
}
