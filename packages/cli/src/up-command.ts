import { type ClusterSecrets, type SupervisorEvent, startLocalCluster } from '@vecshard/launcher';
import { Command, InvalidArgumentError } from 'commander';
import { followRefills } from './follow-refills.js';

export interface UpOptions {
  workers: number;
  port: number;
  redis?: string;
  dataDir: string;
  importRoot: string[];
  store?: string;
  threads?: number;
  replicaGraceS?: number;
  replicas?: number;
  demo: boolean;
  secure: boolean;
  verbose: boolean;
  consolePort: number | null;
}

export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidArgumentError('expected a non-negative integer');
  return value;
}

/** --console-port: a port, 0 for a free one, or "off". */
function consolePort(text: string): number | null {
  return text === 'off' ? null : positiveInteger(text);
}

/** `vecshard up`: the whole cluster on this machine, until Ctrl-C or SIGTERM. */
export function upCommand(
  runDemo: (address: string, options: { replicas: number; dataDir: string }) => Promise<void>,
): Command {
  return new Command('up')
    .description('start a local cluster: redis-server, a coordinator and N shard workers')
    .option('--workers <n>', 'shard workers to start', positiveInteger, 2)
    .option(
      '--port <port>',
      'coordinator gRPC port (0 picks a free one; the ready line names it)',
      positiveInteger,
      50051,
    )
    .option('--redis <url>', 'use this Redis instead of starting redis-server')
    .option(
      '--data-dir <dir>',
      'where the cluster keeps its state, snapshots and Redis data; a later `up` on it serves them again',
      '.vecshard',
    )
    .option(
      '--import-root <dir>',
      'a folder whose files `vecshard import` may name (repeat for several; default: the current directory); ' +
        'the data dir is always one',
      (dir: string, dirs: string[]) => [...dirs, dir],
      [],
    )
    .option(
      '--store <url>',
      'object store for snapshots: file:///dir or s3://bucket/prefix (default <data-dir>/store)',
    )
    .option('--threads <n>', 'FAISS threads per worker', positiveInteger)
    .option(
      '--replica-grace-s <s>',
      'seconds a worker may be gone before its shards are re-placed on the others (default 30)',
      positiveInteger,
    )
    .option(
      '--demo',
      'load Fashion-MNIST (with its class labels and made-up prices and tags as fields) into a demo ' +
        'collection and run a search and a filtered one',
      false,
    )
    .option(
      '--replicas <n>',
      'copies of every shard of the demo collection, on distinct workers (default 2 with 2 or more workers)',
      positiveInteger,
    )
    .option(
      '--secure',
      'TLS, mutual TLS between coordinator and workers, and API keys; CA and keys under <data-dir>/secrets',
      false,
    )
    .option(
      '--console-port <port>',
      'port of the web console (default: a free one, printed; off: no console)',
      consolePort,
      0,
    )
    .option('--verbose', "print every process's log lines", false)
    .action(async (options: UpOptions) => {
      const cluster = await startLocalCluster({
        workers: options.workers,
        port: options.port,
        redisUrl: options.redis,
        dataDir: options.dataDir,
        importRoots: options.importRoot.length > 0 ? options.importRoot : undefined,
        storeUrl: options.store,
        threads: options.threads,
        replicaGraceS: options.replicaGraceS,
        onWorkerEvent: describeWorkerEvent,
        secure: options.secure,
        consolePort: options.consolePort,
        log: options.verbose ? (line) => console.error(line) : undefined,
      });
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.error(`vecshard: ${signal}, stopping the cluster`);
        await cluster.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      // Workers are restarted by the launcher; redis-server and the coordinator are not.
      for (const p of cluster.processes.filter((p) => !p.name.startsWith('worker-'))) {
        p.child.once('exit', (code, signal) => {
          if (!stopping) console.error(`vecshard: ${p.name} exited unexpectedly (${signal ?? code})`);
        });
      }
      if (cluster.secrets) {
        console.log(howToConnect(cluster.address, cluster.secrets));
        // The demo's client, like any, finds the CA and a key in the environment.
        process.env.VECSHARD_TLS_CA = cluster.secrets.caCert;
        process.env.VECSHARD_API_KEY = cluster.secrets.apiKeys.admin;
      } else {
        console.log(`vecshard ready at ${cluster.address}`);
      }
      if (cluster.consoleUrl) console.log(`vecshard console at ${cluster.consoleUrl}`);
      await followRefills(cluster.address);
      if (options.demo) {
        const replicas = options.replicas ?? Math.min(2, options.workers);
        await runDemo(cluster.address, { replicas, dataDir: options.dataDir });
      }
    });
}

/** What a secure cluster prints: where its CA and keys are, and the variables clients read. Never a key. */
function howToConnect(address: string, secrets: ClusterSecrets): string {
  return [
    `vecshard ready at ${address} (TLS, mutual TLS to workers, API keys)`,
    `  CA certificate: ${secrets.caCert}`,
    `  API keys:       ${secrets.apiKeysFile} (one per role: read, write, admin)`,
    '  connect with:',
    `    export VECSHARD_ADDRESS=${address} VECSHARD_TLS_CA=${secrets.caCert}`,
    `    export VECSHARD_API_KEY=<the "key" of the role you need, from api-keys.json>`,
  ].join('\n');
}

function describeWorkerEvent(event: SupervisorEvent): void {
  if (event.kind === 'exited') {
    console.error(
      `vecshard: ${event.name} exited unexpectedly (${event.reason}); restarting it in ${event.restartInMs} ms`,
    );
  } else if (event.kind === 'restarted') {
    console.error(`vecshard: ${event.name} restarted at ${event.address}`);
  } else {
    console.error(`vecshard: ${event.name} could not be restarted: ${event.error}`);
  }
}
