import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { VecshardClient } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { type ClusterSecrets, ensureClusterSecrets } from '@vecshard/launcher';
import {
  encodeArray,
  quantizerDigest,
  type ShardSearchGrpcClient,
  ShardSearchService,
} from '@vecshard/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// One-hop search in a secure cluster, as `vecshard up --secure` runs it: the
// workers' port speaks mutual TLS with certificates of the cluster CA (the
// coordinator's too), and direct searches need an API key from the
// coordinator's key file.
const DIM = 16;
const data = clusteredVectors(3000, DIM, 61);
const queries = clusteredVectors(8, DIM, 62);

let cluster: TestCluster;
let secrets: ClusterSecrets;
/** The collection's quantizer digest, as a routing table carries it. */
let digest: Buffer;
const closers: { close(): void }[] = [];
const read = (file: string) => readFileSync(file);

function client(options: { apiKey?: string; clientCertificate?: boolean }): VecshardClient {
  const tls = {
    ca: read(secrets.caCert),
    ...(options.clientCertificate
      ? { cert: read(secrets.coordinatorClientCert), key: read(secrets.coordinatorClientKey) }
      : {}),
  };
  const made = new VecshardClient(cluster.coordinator.address, {
    tls,
    apiKey: options.apiKey,
    env: {},
    retries: 0,
  });
  closers.push(made);
  return made;
}

beforeAll(async () => {
  secrets = await ensureClusterSecrets(join(mkdtempSync(join(tmpdir(), 'vecshard-direct-')), 'secrets'));
  cluster = await startCluster({
    workers: 2,
    workerArgs: [
      ...['--tls-cert', secrets.workerCert, '--tls-key', secrets.workerKey, '--tls-ca', secrets.caCert],
      ...['--api-keys', secrets.apiKeysFile],
    ],
    coordinatorArgs: [
      ...['--tls-cert', secrets.serverCert, '--tls-key', secrets.serverKey, '--tls-ca', secrets.caCert],
      ...['--tls-client-cert', secrets.coordinatorClientCert],
      ...['--tls-client-key', secrets.coordinatorClientKey],
      ...['--api-keys', secrets.apiKeysFile],
    ],
  });
  const admin = client({ apiKey: secrets.apiKeys.admin });
  await admin.createCollection({ name: 'docs', dim: DIM, metric: 'l2', index: 'IVF16,Flat', nprobe: 4 });
  await admin.train('docs', data);
  await admin.upsert('docs', sequentialIds(3000), data);
  const { template } = await admin.getCollection('docs', { includeTemplate: true });
  digest = quantizerDigest((await FaissIndex.deserialize(template!, 'l2')).centroids());
});
afterAll(async () => {
  for (const closer of closers) closer.close();
  await cluster?.stop();
});

/** A raw ShardSearch call to worker 0 searching no list: only the access checks matter. */
function searchLists(apiKey?: string): Promise<string> {
  const raw: ShardSearchGrpcClient = new ShardSearchService(
    cluster.workers[0].address,
    grpc.credentials.createSsl(
      read(secrets.caCert),
      read(secrets.coordinatorClientKey),
      read(secrets.coordinatorClientCert),
    ),
  );
  closers.push(raw);
  const metadata = new grpc.Metadata();
  if (apiKey) metadata.set('authorization', `Bearer ${apiKey}`);
  const request = {
    collection: 'docs',
    shard: 0,
    queries: encodeArray(queries.subarray(0, DIM)),
    k: 1,
    lists: encodeArray(BigInt64Array.of(-1n)),
    centroidDistances: encodeArray(Float32Array.of(0)),
    epoch: '1000000',
    quantizerDigest: digest,
  };
  return new Promise((resolve) =>
    raw.SearchLists(request, metadata, { deadline: Date.now() + 10_000 }, (error) =>
      resolve(error ? grpc.status[error.code] : 'OK'),
    ),
  );
}

describe('direct search with TLS and API keys', { timeout: 120_000 }, () => {
  it('goes one hop over mutual TLS with a read key, and equals the coordinator', async () => {
    const reader = client({ apiKey: secrets.apiKeys.read, clientCertificate: true });
    await reader.refreshRoutingTable('docs');
    const direct = await reader.search('docs', queries, { k: 5, nprobe: 16, direct: true });
    const coordinator = await reader.search('docs', queries, { k: 5, nprobe: 16 });
    expect(direct.path).toBe('direct');
    expect(compareTopK({ labels: coordinator.ids, distances: coordinator.distances }, direct, 5, 0)).toEqual(
      [],
    );
  });

  it('the worker refuses a call without a key, or with a key it does not know, and serves the read role', async () => {
    expect(await searchLists()).toBe('UNAUTHENTICATED');
    expect(await searchLists('not-a-key-of-this-cluster-0000')).toBe('UNAUTHENTICATED');
    expect(await searchLists(secrets.apiKeys.read)).toBe('OK');
  });

  it('a client without a client certificate falls back to the coordinator, which serves it', async () => {
    const reader = client({ apiKey: secrets.apiKeys.read });
    await reader.refreshRoutingTable('docs');
    const got = await reader.search('docs', queries, { k: 5, nprobe: 16, direct: true });
    expect(got.path).toBe('coordinator');
    expect(got.fallbackReason).toBe('worker-error');
  });

  it('the routing table needs a key', async () => {
    await expect(client({ clientCertificate: true }).refreshRoutingTable('docs')).rejects.toMatchObject({
      codeName: 'UNAUTHENTICATED',
    });
  });
});
