import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { clusterKeys } from '@vecshard/proto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type CoordinatorProcess,
  startCoordinatorProcess,
  startWorker,
  type WorkerProcess,
} from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { restartOnPort, type StartedProcess, startOnFreePort, startProcess } from '../helpers/processes.js';

// kill -9 of redis-server, then a restart on the same append-only file: no
// collection, no placement and no acknowledged write may be lost. Redis runs
// as `vecshard up` runs it: appendonly yes, appendfsync everysec. Redis
// writes each command to the file before it replies, so a killed process
// loses nothing acknowledged; only a crash of the machine itself can lose
// the last second, which the fsync policy bounds.
const DIM = 8;
const K = 10;
const data = clusteredVectors(1200, DIM, 101);
const queries = clusteredVectors(20, DIM, 102);
const keys = clusterKeys();

let redisDir: string;
let redisPort: number;
let redisUrl: string;
let redis: StartedProcess;
let workers: WorkerProcess[] = [];
let coordinator: CoordinatorProcess;
let client: VecshardClient;

function startRedis(): Promise<StartedProcess> {
  return startProcess(
    'redis-server',
    [
      ...['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--save', ''],
      ...['--appendonly', 'yes', '--appendfsync', 'everysec'],
    ],
    /Ready to accept connections/,
  );
}

/** Waits for `check` to hold: a condition, polled; the limit only turns a hang into a failure. */
async function eventually(check: () => Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`gave up waiting: ${what} (${last})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function readRedis<T>(use: (connection: Redis) => Promise<T>): Promise<T> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await use(connection);
  } finally {
    connection.disconnect();
  }
}

beforeAll(async () => {
  redisDir = mkdtempSync(join(tmpdir(), 'vecshard-redis-aof-'));
  // redis-server cannot bind port 0 and report it: pick one, and pick again if taken.
  redis = await startOnFreePort((port) => {
    redisPort = port;
    return startRedis();
  });
  redisUrl = `redis://127.0.0.1:${redisPort}`;
  workers = await Promise.all(['w0', 'w1'].map((id) => startWorker(redisUrl, id)));
  const store = mkdtempSync(join(tmpdir(), 'vecshard-redis-store-'));
  coordinator = await startCoordinatorProcess(redisUrl, ['--store', `file://${store}`]);
  client = new VecshardClient(coordinator.address, { deadlineMs: 60_000, env: {} });
});
afterAll(async () => {
  client?.close();
  await Promise.all([coordinator?.process.stop('SIGKILL'), ...workers.map((w) => w.process.stop('SIGKILL'))]);
  await redis?.stop('SIGKILL');
});

it('loses no collection, placement or acknowledged write when redis-server is killed and restarted', async () => {
  await client.createCollection({ name: 'durable', dim: DIM, metric: 'l2', index: 'IVF8,Flat', nprobe: 8 });
  await client.train('durable', data);
  await client.upsert('durable', sequentialIds(600), data.subarray(0, 600 * DIM));
  await client.waitForJob((await client.snapshot('durable')).id);
  // Acknowledged after the snapshot: these live only in Redis's write log.
  await client.upsert('durable', sequentialIds(600, 600), data.subarray(600 * DIM));
  await client.delete('durable', sequentialIds(50));
  const before = await client.getCollection('durable');
  const expected = await client.search('durable', queries, { k: K });
  const logLength = await readRedis((r) => r.xlen(keys.writeLog('durable')));
  expect(logLength).toBeGreaterThan(0);

  await redis.stop('SIGKILL');
  redis = await restartOnPort(startRedis);

  // Straight from the restarted Redis: the write log is whole.
  expect(await readRedis((r) => r.xlen(keys.writeLog('durable')))).toBe(logLength);
  // The coordinators reconnect and read the same collection and placement.
  await eventually(async () => {
    const after = await client.getCollection('durable');
    return (
      JSON.stringify(after.placement) === JSON.stringify(before.placement) && after.vectors === before.vectors
    );
  }, 'the collection as it was');
  expect((await client.getCollection('durable')).placement).toEqual(before.placement);

  // A worker killed now is refilled from the snapshot plus the log Redis kept.
  await workers[1].process.stop('SIGKILL');
  workers[1] = await startWorker(redisUrl, 'w1');
  await eventually(async () => {
    const after = await client.search('durable', queries, { k: K });
    const same = compareTopK({ labels: expected.ids, distances: expected.distances }, after, K).length === 0;
    return same && (await client.getCollection('durable')).vectors === 1150;
  }, 'every acknowledged write searchable again');
  const deleted = await client.search('durable', data.subarray(0, DIM), { k: 1 });
  expect(deleted.ids[0]).not.toBe(0n);

  // And the cluster takes writes again.
  await client.upsert('durable', BigInt64Array.of(5000n), data.subarray(0, DIM));
  expect((await client.search('durable', data.subarray(0, DIM), { k: 1 })).ids[0]).toBe(5000n);
});
