import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { VecshardClient, VecshardError } from '@vecshard/client';
import {
  type ClusterSecrets,
  createCertificateAuthority,
  ensureClusterSecrets,
  issueCertificate,
} from '@vecshard/launcher';
import { type ShardWorkerGrpcClient, ShardWorkerService } from '@vecshard/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { healthCheck } from '../helpers/health.js';
import { waitForOutput } from '../helpers/wait-for-output.js';

// A cluster whose public API speaks TLS and whose coordinator reaches its
// workers over mutual TLS, all certificates signed by one cluster CA.
const DIM = 8;
const data = clusteredVectors(400, DIM, 51);

let cluster: TestCluster;
let secrets: ClusterSecrets;
let dir: string;
const clients: { close(): void }[] = [];
const read = (file: string) => readFileSync(file);

function tlsClient(ca?: string | Buffer | boolean): VecshardClient {
  const tls = ca === undefined || ca === false ? false : ca === true ? true : { ca };
  const client = new VecshardClient(cluster.coordinator.address, {
    tls,
    retries: 0,
    deadlineMs: 10_000,
    env: {},
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vecshard-tls-'));
  secrets = await ensureClusterSecrets(join(dir, 'secrets'));
  cluster = await startCluster({
    workers: 2,
    workerArgs: [
      '--tls-cert',
      secrets.workerCert,
      '--tls-key',
      secrets.workerKey,
      '--tls-ca',
      secrets.caCert,
      '--health-port',
      '0',
    ],
    coordinatorArgs: [
      ...['--tls-cert', secrets.serverCert, '--tls-key', secrets.serverKey],
      ...['--tls-ca', secrets.caCert],
      ...[
        '--tls-client-cert',
        secrets.coordinatorClientCert,
        '--tls-client-key',
        secrets.coordinatorClientKey,
      ],
      ...['--tls-poll-ms', '100', '--log-level', 'info', '--health-port', '0'],
    ],
  });
  const client = tlsClient(read(secrets.caCert));
  await client.createCollection({ name: 'docs', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
  await client.train('docs', data);
  await client.upsert('docs', sequentialIds(400), data);
});
afterAll(async () => {
  for (const client of clients) client.close();
  await cluster?.stop();
});

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof VecshardError) return error.codeName;
    return grpc.status[(error as grpc.ServiceError).code] ?? String(error);
  }
}

describe('TLS on the public API', () => {
  it('serves a client that trusts the cluster CA, through workers reached over mutual TLS', async () => {
    const result = await tlsClient(read(secrets.caCert)).search('docs', data.subarray(5 * DIM, 6 * DIM), {
      k: 1,
    });
    expect(result.ids[0]).toBe(5n);
    const status = await tlsClient(read(secrets.caCert)).clusterStatus();
    expect(status.workers.filter((w) => w.alive).length).toBe(2);
  });

  it('refuses a plaintext client', async () => {
    expect(await codeOf(tlsClient(false).listCollections())).toBe('UNAVAILABLE');
  });

  it('refuses a client that does not trust the CA', async () => {
    expect(await codeOf(tlsClient(true).listCollections())).toBe('UNAVAILABLE');
  });

  it('takes the CA from VECSHARD_TLS_CA', async () => {
    const client = new VecshardClient(cluster.coordinator.address, {
      env: { VECSHARD_TLS_CA: secrets.caCert },
    });
    clients.push(client);
    expect(await codeOf(client.listCollections())).toBe('OK');
  });

  it('answers health checks over TLS without a key', async () => {
    const credentials = grpc.credentials.createSsl(read(secrets.caCert));
    expect(await healthCheck(cluster.coordinator.address, '', credentials)).toBe('SERVING');
  });
});

describe('probes with TLS on', () => {
  const healthPortOf = (output: string) => /health checks on port (\d+)/.exec(output)?.[1];

  it('answer plaintext health checks on the health port, which serves nothing else', async () => {
    for (const process of [cluster.coordinator.process, cluster.workers[0].process]) {
      const address = `127.0.0.1:${healthPortOf(process.output())}`;
      expect(await healthCheck(address)).toBe('SERVING');
      const plaintext = new VecshardClient(address, { tls: false, retries: 0, env: {} });
      clients.push(plaintext);
      expect(await codeOf(plaintext.listCollections())).toBe('UNIMPLEMENTED');
    }
  });
});

describe('mutual TLS on workers', () => {
  function workerClient(credentials: grpc.ChannelCredentials): ShardWorkerGrpcClient {
    const client = new ShardWorkerService(cluster.workers[0].address, credentials);
    clients.push(client);
    return client;
  }
  const stats = (client: ShardWorkerGrpcClient) =>
    new Promise<string>((resolve) =>
      client.Stats({}, { deadline: Date.now() + 10_000 }, (error) =>
        resolve(error ? grpc.status[error.code] : 'OK'),
      ),
    );

  it('serves a caller presenting a certificate the cluster CA signed', async () => {
    const ca = read(secrets.caCert);
    const credentials = grpc.credentials.createSsl(
      ca,
      read(secrets.coordinatorClientKey),
      read(secrets.coordinatorClientCert),
    );
    expect(await stats(workerClient(credentials))).toBe('OK');
  });

  it('refuses a plaintext caller', async () => {
    expect(await stats(workerClient(grpc.credentials.createInsecure()))).toBe('UNAVAILABLE');
  });

  it('refuses a TLS caller without a client certificate', async () => {
    expect(await stats(workerClient(grpc.credentials.createSsl(read(secrets.caCert))))).toBe('UNAVAILABLE');
  });

  it('refuses a client certificate signed by another CA', async () => {
    const otherCa = await createCertificateAuthority('someone else');
    const stranger = await issueCertificate(otherCa, { commonName: 'intruder', usages: ['client'] });
    const credentials = grpc.credentials.createSsl(
      read(secrets.caCert),
      Buffer.from(stranger.key),
      Buffer.from(stranger.cert),
    );
    expect(await stats(workerClient(credentials))).toBe('UNAVAILABLE');
  });
});

describe('certificate rotation', () => {
  it('serves the new certificate once its files change, without a restart', async () => {
    const newCa = await createCertificateAuthority('rotated CA');
    const rotated = await issueCertificate(newCa, {
      commonName: 'vecshard coordinator',
      usages: ['server'],
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const coordinator = cluster.coordinator.process;
    const from = coordinator.output().length;
    // As Kubernetes does: each file replaced whole, by a rename.
    for (const [file, pem] of [
      [secrets.serverCert, rotated.cert],
      [secrets.serverKey, rotated.key],
    ]) {
      writeFileSync(`${file}.new`, pem);
      renameSync(`${file}.new`, file);
    }
    await waitForOutput(coordinator, /TLS certificates reloaded/, from);
    expect(await codeOf(tlsClient(newCa.cert).listCollections())).toBe('OK');
    expect(await codeOf(tlsClient(read(secrets.caCert)).listCollections())).toBe('UNAVAILABLE');
    // The same process kept serving.
    expect(coordinator.child.exitCode).toBeNull();
  });
});
