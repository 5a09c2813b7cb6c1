import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { ensureClusterSecrets } from '@vecshard/launcher';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoordinatorProcess, startWorker } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { type StartedProcess, startOnFreePort, startProcess } from '../helpers/processes.js';
import { waitForOutput } from '../helpers/wait-for-output.js';

// The ways a cluster reaches Redis besides plain redis://: a password, TLS
// (rediss://) and Sentinel. Each case runs a worker and a coordinator over it.
const DIM = 8;
const data = clusteredVectors(200, DIM, 91);
const started: StartedProcess[] = [];
const clients: VecshardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const process of started.splice(0).reverse()) await process.stop('SIGKILL');
});

/**
 * A redis-server on a free port (`args` are given the port): redis-server cannot
 * bind port 0 and report it, so a port taken meanwhile is picked again.
 */
async function redisServer(
  args: (port: number) => string[],
  ready = /Ready to accept connections/,
): Promise<{ process: StartedProcess; port: number }> {
  // A folder of its own: a replica writes the copy it receives from its master to disk.
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-redis-'));
  const server = await startOnFreePort(async (port) => ({
    port,
    process: await startProcess(
      'redis-server',
      [...args(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      ready,
    ),
  }));
  started.push(server.process);
  return server;
}

/** A Sentinel monitoring the master on `masterPort`, ready once its output matches `ready`. */
async function sentinelOf(masterPort: number, settings: string[], ready: RegExp) {
  return startOnFreePort(async (port) => {
    const config = join(mkdtempSync(join(tmpdir(), 'vecshard-sentinel-')), 'sentinel.conf');
    // Sentinel rewrites its configuration file, so it gets one of its own.
    writeFileSync(
      config,
      [
        `port ${port}`,
        `dir ${dirname(config)}`,
        'bind 127.0.0.1',
        `sentinel monitor vecshard 127.0.0.1 ${masterPort} 1`,
        ...settings,
        '',
      ].join('\n'),
    );
    const sentinel = await startProcess('redis-server', [config, '--sentinel'], ready);
    started.push(sentinel);
    return { sentinel, port };
  });
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

/** Starts a worker and a coordinator on `redisUrl` and checks a collection can be made, filled and searched. */
async function clusterWorksOver(redisUrl: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const worker = await startWorker(redisUrl, 'w0', [], env);
  started.push(worker.process);
  const coordinator = await startCoordinatorProcess(redisUrl, [], 0, env);
  started.push(coordinator.process);
  const client = new VecshardClient(coordinator.address, { env: {} });
  clients.push(client);
  await client.createCollection({
    name: 'over-redis',
    dim: DIM,
    metric: 'l2',
    index: 'IVF4,Flat',
    nprobe: 4,
  });
  await client.train('over-redis', data);
  await client.upsert('over-redis', sequentialIds(200), data);
  const found = await client.search('over-redis', data.subarray(3 * DIM, 4 * DIM), { k: 1 });
  expect(found.ids[0]).toBe(3n);
}

describe('Redis connections', () => {
  it('uses a password from the URL, and never prints it when it is wrong', async () => {
    const { port } = await redisServer((port) => [
      '--port',
      String(port),
      '--requirepass',
      'correct-horse-battery',
    ]);
    await clusterWorksOver(`redis://:correct-horse-battery@127.0.0.1:${port}`);

    const refused = await startCoordinatorProcess(`redis://:wrong-password-xyz@127.0.0.1:${port}`).then(
      (coordinator) => {
        started.push(coordinator.process);
        return undefined;
      },
      (error: Error) => error,
    );
    // The first line is this test's own command line; the rest is what the coordinator printed.
    const printed = refused?.message.split('\n').slice(1).join('\n');
    expect(printed).toMatch(/WRONGPASS|NOAUTH|invalid/i);
    expect(printed).not.toContain('wrong-password-xyz');
  });

  it('speaks TLS to Redis on rediss://, trusting VECSHARD_REDIS_TLS_CA', async () => {
    const secrets = await ensureClusterSecrets(
      join(mkdtempSync(join(tmpdir(), 'vecshard-redis-tls-')), 'secrets'),
    );
    const { port } = await redisServer((port) => [
      ...['--port', '0', '--tls-port', String(port)],
      ...['--tls-cert-file', secrets.serverCert, '--tls-key-file', secrets.serverKey],
      ...['--tls-ca-cert-file', secrets.caCert, '--tls-auth-clients', 'no'],
    ]);
    await clusterWorksOver(`rediss://127.0.0.1:${port}`, { VECSHARD_REDIS_TLS_CA: secrets.caCert });
  });

  it('finds the master through Redis Sentinel on redis-sentinel://', async () => {
    const { port: masterPort } = await redisServer((port) => ['--port', String(port)]);
    const { port: sentinelPort } = await sentinelOf(masterPort, [], /\+monitor master vecshard/);
    await clusterWorksOver(`redis-sentinel://127.0.0.1:${sentinelPort}/vecshard`);
  });
  it('keeps serving when Sentinel fails the master over to its replica', async () => {
    const { process: master, port: masterPort } = await redisServer((port) => ['--port', String(port)]);
    await redisServer(
      (port) => ['--port', String(port), '--replicaof', '127.0.0.1', String(masterPort)],
      /MASTER <-> REPLICA sync: Finished with success/,
    );
    // Ready once it knows the replica it can promote.
    const { sentinel, port: sentinelPort } = await sentinelOf(
      masterPort,
      ['sentinel down-after-milliseconds vecshard 1000', 'sentinel failover-timeout vecshard 10000'],
      /\+slave slave 127\.0\.0\.1:/,
    );
    await clusterWorksOver(`redis-sentinel://127.0.0.1:${sentinelPort}/vecshard`);
    const client = clients[clients.length - 1];
    // The collection reached the replica before the master dies.
    const direct = new Redis(masterPort, '127.0.0.1');
    await direct.wait(1, 10_000);
    direct.disconnect();

    const from = sentinel.output().length;
    await master.stop('SIGKILL');
    await waitForOutput(sentinel, /\+switch-master vecshard/, from);
    await eventually(async () => {
      const found = await client.search('over-redis', data.subarray(7 * DIM, 8 * DIM), { k: 1 });
      await client.upsert('over-redis', BigInt64Array.of(9000n), data.subarray(0, DIM));
      return found.ids[0] === 7n;
    }, 'the cluster on the promoted replica');
    // Collection state is written to Redis: it must be the promoted, writable one.
    await client.createCollection({ name: 'after-failover', dim: DIM, metric: 'l2', index: 'IVF4,Flat' });
    expect((await client.getCollection('after-failover')).name).toBe('after-failover');
  });
});
