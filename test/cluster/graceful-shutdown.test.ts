import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { scrape } from '../helpers/metrics.js';

// What the Kubernetes manifests promise on a rolling update: a worker sent
// SIGTERM finishes the searches it has accepted, deregisters so coordinators
// stop routing to it, and exits 0; later requests needing its shard fail fast
// with UNAVAILABLE instead of hanging until their deadline.
const DIM = 64;
const N = 60_000;
const data = clusteredVectors(N, DIM, 41);
// A large batch probing every list keeps the worker busy long enough to be caught mid-search.
const queries = clusteredVectors(3000, DIM, 42);
const NAME = 'draining';

let cluster: TestCluster;
beforeAll(async () => {
  // The grace a stopping worker gives calls in flight is long here: the batch below takes
  // seconds on a slow or busy machine, and the test is about finishing it, not about the limit.
  cluster = await startCluster({ workers: 2, workerArgs: ['--stop-grace-s', '300'] });
  await cluster.client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: 'IVF64,Flat',
    nprobe: 64,
  });
  await cluster.client.train(NAME, data);
  await cluster.client.upsert(NAME, sequentialIds(N), data);
});
afterAll(async () => {
  await cluster?.stop();
});

/** Searches the worker is handling right now, from its in-flight gauge. */
async function searchesInFlight(metricsUrl: string): Promise<number> {
  const samples = await scrape(metricsUrl);
  return samples
    .filter((s) => s.name === 'vecshard_rpc_in_flight' && s.labels.method === 'SearchPreassigned')
    .reduce((sum, s) => sum + s.value, 0);
}

it('a worker stopped under load finishes its in-flight searches, then the coordinator stops routing to it', {
  timeout: 300_000,
}, async () => {
  const client = cluster.client;
  const expected = await client.search(NAME, queries, { k: 10 });
  const leaving = cluster.workers[1];

  const inFlight = client.search(NAME, queries, { k: 10 });
  const until = Date.now() + 20_000;
  while ((await searchesInFlight(leaving.metricsUrl!)) === 0) {
    if (Date.now() > until) throw new Error('the search never reached the worker');
  }
  const exited = leaving.process.stop('SIGTERM');

  const answered = await inFlight;
  expect(compareTopK({ labels: expected.ids, distances: expected.distances }, answered, 10)).toEqual([]);
  expect(await exited).toBe(0);
  expect(leaving.process.output()).toMatch(/SIGTERM received, draining/);

  // UNAVAILABLE naming the worker, not DEADLINE_EXCEEDED after the client's 60 s.
  await expect(client.search(NAME, queries.subarray(0, DIM), { k: 10 })).rejects.toMatchObject({
    codeName: 'UNAVAILABLE',
    message: expect.stringMatching(/worker w1/),
  });
});
