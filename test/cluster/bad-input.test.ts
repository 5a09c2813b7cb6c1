import { status } from '@grpc/grpc-js';
import { VecshardError } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// Every kind of bad input gets a clear status and message, and the cluster
// keeps serving afterwards. The coordinator runs with a 1 MiB message limit.
const DIM = 8;
const data = clusteredVectors(1000, DIM, 21);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 1, coordinatorArgs: ['--max-message-mb', '1'] });
  const { client } = cluster;
  await client.createCollection({ name: 'ready', dim: DIM, metric: 'l2', index: 'IVF8,Flat', nprobe: 2 });
  await client.train('ready', data);
  await client.upsert('ready', sequentialIds(1000), data);
  await client.createCollection({ name: 'untrained', dim: DIM, metric: 'l2', index: 'IVF8,Flat' });
});
afterAll(async () => {
  await cluster?.stop();
});

/** The VecshardError a call fails with (fails the test if it succeeds or throws something else). */
async function failure(call: Promise<unknown>): Promise<VecshardError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VecshardError);
  return error as VecshardError;
}

async function expectStatus(call: Promise<unknown>, code: status, message: RegExp) {
  const error = await failure(call);
  expect(error.codeName).toBe(status[code]);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

const query = (n = 1, dim = DIM) => clusteredVectors(n, dim, 22);

describe('search', () => {
  it('refuses queries of the wrong dimension', async () => {
    await expectStatus(
      cluster.client.search('ready', query(1, DIM + 1), { k: 3 }),
      status.INVALID_ARGUMENT,
      /dimension/,
    );
  });
  it('refuses bytes that are not whole float rows', async () => {
    const client = cluster.client.raw;
    const error = await new Promise<{ code: number; details: string }>((resolve) =>
      client.Search({ collection: 'ready', queries: Buffer.alloc(4 * DIM + 2), k: 3 }, (e) =>
        resolve(e as never),
      ),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/not a multiple of 4·dim/);
  });
  it('refuses NaN and infinity', async () => {
    const bad = query(2);
    bad[DIM + 3] = Number.NaN;
    await expectStatus(
      cluster.client.search('ready', bad, { k: 3 }),
      status.INVALID_ARGUMENT,
      /row 1 holds NaN/,
    );
    bad[DIM + 3] = Number.POSITIVE_INFINITY;
    await expectStatus(cluster.client.search('ready', bad, { k: 3 }), status.INVALID_ARGUMENT, /Infinity/);
  });
  it('refuses k of 0 and k over 4096', async () => {
    await expectStatus(
      cluster.client.search('ready', query(), { k: 0 }),
      status.INVALID_ARGUMENT,
      /k must be/,
    );
    await expectStatus(
      cluster.client.search('ready', query(), { k: 4097 }),
      status.INVALID_ARGUMENT,
      /k must be/,
    );
  });
  it('refuses nprobe over nlist', async () => {
    await expectStatus(
      cluster.client.search('ready', query(), { k: 3, nprobe: 9 }),
      status.INVALID_ARGUMENT,
      /nprobe must be between 1 and the index's 8 lists/,
    );
  });
  it('reports an unknown collection', async () => {
    await expectStatus(
      cluster.client.search('nope', query(), { k: 3 }),
      status.NOT_FOUND,
      /"nope" does not exist/,
    );
  });
  it('refuses to search before training', async () => {
    await expectStatus(
      cluster.client.search('untrained', query(), { k: 3 }),
      status.FAILED_PRECONDITION,
      /Train/,
    );
  });
});

describe('upsert and delete', () => {
  it('refuses ids and vectors of different counts', async () => {
    await expectStatus(
      cluster.client.upsert('ready', sequentialIds(3), query(2)),
      status.INVALID_ARGUMENT,
      /3 ids for 2 vectors/,
    );
  });
  it('refuses vectors of the wrong dimension', async () => {
    await expectStatus(
      cluster.client.upsert('ready', sequentialIds(1), query(1, DIM - 1)),
      status.INVALID_ARGUMENT,
      /dimension/,
    );
  });
  it('refuses non-finite vectors', async () => {
    const bad = query(1);
    bad[0] = Number.NEGATIVE_INFINITY;
    await expectStatus(
      cluster.client.upsert('ready', sequentialIds(1), bad),
      status.INVALID_ARGUMENT,
      /finite/,
    );
  });
  it('refuses negative and repeated ids', async () => {
    await expectStatus(
      cluster.client.upsert('ready', BigInt64Array.of(-5n), query(1)),
      status.INVALID_ARGUMENT,
      /negative/,
    );
    await expectStatus(
      cluster.client.upsert('ready', BigInt64Array.of(4n, 4n), query(2)),
      status.INVALID_ARGUMENT,
      /appears twice/,
    );
  });
  it('refuses to upsert before training', async () => {
    await expectStatus(
      cluster.client.upsert('untrained', sequentialIds(1), query(1)),
      status.FAILED_PRECONDITION,
      /not trained yet: call Train before Upsert/,
    );
  });
  it('reports an unknown collection', async () => {
    await expectStatus(cluster.client.delete('nope', sequentialIds(1)), status.NOT_FOUND, /does not exist/);
  });
  it('refuses a message over the size limit', async () => {
    const big = 300_000; // 300k floats = 1.2 MB > 1 MiB
    await expectStatus(
      cluster.client.upsert('ready', sequentialIds(big / DIM), new Float32Array(big)),
      status.RESOURCE_EXHAUSTED,
      /larger than max/,
    );
  });
});

describe('collections', () => {
  it('refuses a duplicate name', async () => {
    await expectStatus(
      cluster.client.createCollection({ name: 'ready', dim: DIM, metric: 'l2', index: 'IVF8,Flat' }),
      status.ALREADY_EXISTS,
      /already exists/,
    );
  });
  it('refuses bad names, dimensions, indexes and nprobe', async () => {
    const create = (overrides: object) =>
      cluster.client.createCollection({
        name: 'c',
        dim: DIM,
        metric: 'l2',
        index: 'IVF8,Flat',
        ...overrides,
      });
    await expectStatus(create({ name: 'no spaces' }), status.INVALID_ARGUMENT, /name/);
    await expectStatus(create({ dim: 0 }), status.INVALID_ARGUMENT, /dim must be/);
    await expectStatus(create({ dim: 70_000 }), status.INVALID_ARGUMENT, /dim must be/);
    await expectStatus(create({ index: 'HNSW32' }), status.INVALID_ARGUMENT, /not an IVF index/);
    await expectStatus(create({ index: 'IVF8,Nonsense' }), status.INVALID_ARGUMENT, /factory string/);
    await expectStatus(create({ nprobe: 9 }), status.INVALID_ARGUMENT, /nprobe/);
  });
  it('refuses too small a training sample and a second training', async () => {
    await cluster.client.createCollection({
      name: 'small-sample',
      dim: DIM,
      metric: 'ip',
      index: 'IVF8,Flat',
    });
    await expectStatus(
      cluster.client.train('small-sample', query(5)),
      status.INVALID_ARGUMENT,
      /at least one per list/,
    );
    await expectStatus(cluster.client.train('ready', data), status.FAILED_PRECONDITION, /already trained/);
  });
  it('refuses more shards than live workers', async () => {
    await cluster.client.createCollection({
      name: 'wide',
      dim: DIM,
      metric: 'l2',
      index: 'IVF8,Flat',
      shards: 2,
    });
    await expectStatus(
      cluster.client.train('wide', data),
      status.FAILED_PRECONDITION,
      /only 1 workers are alive/,
    );
  });
  it('still serves after all of that', async () => {
    const result = await cluster.client.search('ready', query(3), { k: 4 });
    expect(result.ids).toHaveLength(12);
    expect([...result.ids].every((id) => id >= 0n)).toBe(true);
  });
});
