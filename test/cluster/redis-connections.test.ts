import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { ensureClusterSecrets } from '@vecshard/launcher';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoordinatorProcess, startWorker } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { freePort, type StartedProcess, startProcess } from '../helpers/processes.js';

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

async function redisServer(args: string[], ready = /Ready to accept connections/): Promise<StartedProcess> {
  const process = await startProcess(
    'redis-server',
    [...args, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ready,
  );
  started.push(process);
  return process;
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
    const port = await freePort();
    await redisServer(['--port', String(port), '--requirepass', 'correct-horse-battery']);
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
    const port = await freePort();
    await redisServer([
      ...['--port', '0', '--tls-port', String(port)],
      ...['--tls-cert-file', secrets.serverCert, '--tls-key-file', secrets.serverKey],
      ...['--tls-ca-cert-file', secrets.caCert, '--tls-auth-clients', 'no'],
    ]);
    await clusterWorksOver(`rediss://127.0.0.1:${port}`, { VECSHARD_REDIS_TLS_CA: secrets.caCert });
  });

  it('finds the master through Redis Sentinel on redis-sentinel://', async () => {
    const masterPort = await freePort();
    await redisServer(['--port', String(masterPort)]);
    const sentinelPort = await freePort();
    const config = join(mkdtempSync(join(tmpdir(), 'vecshard-sentinel-')), 'sentinel.conf');
    // Sentinel rewrites its configuration file, so it gets one of its own.
    writeFileSync(
      config,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `sentinel monitor vecshard 127.0.0.1 ${masterPort} 1`,
        '',
      ].join('\n'),
    );
    const sentinel = await startProcess('redis-server', [config, '--sentinel'], /\+monitor master vecshard/);
    started.push(sentinel);
    await clusterWorksOver(`redis-sentinel://127.0.0.1:${sentinelPort}/vecshard`);
  });
});
