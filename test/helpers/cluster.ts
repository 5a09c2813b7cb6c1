import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import {
  describeDeath,
  REPO_ROOT,
  restartOnPort,
  type StartedProcess,
  startOnFreePort,
  startProcess,
} from './processes.js';

const COORDINATOR_MAIN = join(REPO_ROOT, 'packages/coordinator/dist/main.js');
const WORKER_MAIN = join(REPO_ROOT, 'packages/shard-worker/dist/main.js');

export interface RedisServer {
  url: string;
  process: StartedProcess;
  stop(): Promise<void>;
}

/** A throw-away redis-server on a free loopback port, with persistence off. */
export async function startRedis(): Promise<RedisServer> {
  // redis-server cannot bind port 0 and report it: pick one, and pick again if taken.
  const { port, redis } = await startOnFreePort(async (port) => ({
    port,
    redis: await startProcess(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      /Ready to accept connections/,
    ),
  }));
  return {
    url: `redis://127.0.0.1:${port}`,
    process: redis,
    stop: async () => {
      await redis.stop('SIGKILL');
    },
  };
}

export interface WorkerProcess {
  id: string;
  address: string;
  /** http://127.0.0.1:PORT/metrics (each process takes a free metrics port unless told otherwise). */
  metricsUrl?: string;
  process: StartedProcess;
}

/** The metrics URL a process printed before its ready line, if it serves metrics. */
function metricsUrlOf(process: StartedProcess): string | undefined {
  return /metrics at (\S+)/.exec(process.output())?.[1];
}

export async function startWorker(
  redisUrl: string,
  id: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<WorkerProcess> {
  const process = await startProcess(
    'node',
    [
      WORKER_MAIN,
      '--port',
      '0',
      '--redis',
      redisUrl,
      '--id',
      id,
      '--threads',
      '1',
      '--log-level',
      'warn',
      '--metrics-port',
      '0',
      ...extraArgs,
    ],
    /shard-worker ready at (\S+)/,
    { env },
  );
  return { id, address: process.ready, metricsUrl: metricsUrlOf(process), process };
}

export interface CoordinatorProcess {
  address: string;
  metricsUrl?: string;
  process: StartedProcess;
}

export async function startCoordinatorProcess(
  redisUrl: string,
  extraArgs: string[] = [],
  port = 0,
  env: NodeJS.ProcessEnv = {},
): Promise<CoordinatorProcess> {
  const process = await startProcess(
    'node',
    [
      COORDINATOR_MAIN,
      '--port',
      String(port),
      '--redis',
      redisUrl,
      '--log-level',
      'warn',
      '--metrics-port',
      '0',
      ...extraArgs,
    ],
    /coordinator ready at (\S+)/,
    { env },
  );
  return { address: process.ready, metricsUrl: metricsUrlOf(process), process };
}

export interface TestCluster {
  redis: RedisServer;
  workers: WorkerProcess[];
  coordinator: CoordinatorProcess;
  /**
   * A client connected to the coordinator. Reading it when a process of the
   * cluster died unasked (in this test or an earlier one) throws, naming the
   * process: a later test fails with that, not with ECONNREFUSED.
   */
  readonly client: VecshardClient;
  /** Kills the coordinator (SIGKILL) and starts a new one on the same port and Redis. */
  restartCoordinator(): Promise<void>;
  /** Kills worker `index` (SIGKILL) and starts a new process with the same id. */
  restartWorker(index: number): Promise<void>;
  /** Throws if a process of the cluster died without the test asking it to. */
  assertAlive(): void;
  stop(): Promise<void>;
}

/**
 * Redis, `workers` shard workers (ids w0, w1, …) and a coordinator, all real
 * processes on loopback, plus a client connected to the coordinator.
 */
export async function startCluster(
  options: {
    workers: number;
    coordinatorArgs?: string[];
    workerArgs?: string[];
    clientDeadlineMs?: number;
    /** Extra environment of the coordinator (e.g. S3 endpoint and credentials). */
    coordinatorEnv?: NodeJS.ProcessEnv;
  } = { workers: 1 },
): Promise<TestCluster> {
  const redis = await startRedis();
  let client: VecshardClient | undefined;
  const processes = () => [
    cluster.coordinator?.process,
    ...cluster.workers.map((w) => w.process),
    redis.process,
  ];
  const cluster: TestCluster = {
    redis,
    workers: [],
    coordinator: undefined as unknown as CoordinatorProcess,
    get client(): VecshardClient {
      cluster.assertAlive();
      return client!;
    },
    assertAlive: () => {
      const dead = processes().flatMap((process) => process?.death() ?? []);
      if (dead.length > 0) {
        throw new Error(`the test cluster died earlier:\n\n${dead.map(describeDeath).join('\n\n')}`);
      }
    },
    restartCoordinator: async () => {
      const port = Number(cluster.coordinator.address.split(':').pop());
      await cluster.coordinator.process.stop('SIGKILL');
      // Same port, so the client reconnects: wait out the old listener.
      cluster.coordinator = await restartOnPort(() =>
        startCoordinatorProcess(redis.url, options.coordinatorArgs, port, options.coordinatorEnv),
      );
    },
    restartWorker: async (index) => {
      const old = cluster.workers[index];
      await old.process.stop('SIGKILL');
      cluster.workers[index] = await startWorker(redis.url, old.id, options.workerArgs);
    },
    stop: async () => {
      client?.close();
      await Promise.all([
        cluster.coordinator?.process.stop('SIGKILL'),
        ...cluster.workers.map((worker) => worker.process.stop('SIGKILL')),
      ]);
      await redis.stop();
    },
  };
  try {
    cluster.workers = await Promise.all(
      Array.from({ length: options.workers }, (_, i) => startWorker(redis.url, `w${i}`, options.workerArgs)),
    );
    cluster.coordinator = await startCoordinatorProcess(
      redis.url,
      options.coordinatorArgs,
      0,
      options.coordinatorEnv,
    );
    client = new VecshardClient(cluster.coordinator.address, {
      deadlineMs: options.clientDeadlineMs ?? 60_000,
      retries: 2,
    });
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
