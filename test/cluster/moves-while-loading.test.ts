import type { JobDescription, VecshardClient } from '@vecshard/client';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, startWorker, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// A drain or rebalance meets a collection that is loading because a worker
// restarted: it must not fail for it, nor move it while its refill runs. It
// moves the other collections, then waits for the refill (or, once its wait
// has run out, leaves the collection where it is), and says which in its
// result. The refill is held deterministically: the restarted worker's only
// peer for one shard is paused (SIGSTOP), so nothing can refill that shard
// until the test lets the peer go on (SIGCONT).
//
// Workers: w0 is drained, w1 restarts, w2 is paused. "loading" keeps two
// copies of each of its three shards, on (w0, w1), (w1, w2) and (w2, w0); its
// shard 1 is loading until w2 goes on. "steady" has one shard, on w0.
const DIM = 16;
const N = 4000;
const K = 10;
const queries = clusteredVectors(20, DIM, 83);

let cluster: TestCluster | undefined;
afterEach(async () => {
  for (const worker of cluster?.workers ?? []) worker.process.child.kill('SIGCONT');
  await cluster?.stop();
  cluster = undefined;
});

/** What each collection answers before anything moves: every list probed, so any placement answers the same. */
type Answers = Map<string, Awaited<ReturnType<VecshardClient['search']>>>;

async function createCollections(client: VecshardClient): Promise<Answers> {
  const answers: Answers = new Map();
  for (const [name, options, seed] of [
    ['loading', { replicationFactor: 2 }, 1],
    ['steady', { shards: 1 }, 2],
  ] as const) {
    await client.createCollection({
      name,
      dim: DIM,
      metric: 'l2',
      index: 'IVF16,Flat',
      nprobe: 16,
      ...options,
    });
    const vectors = clusteredVectors(N, DIM, seed);
    await client.train(name, vectors.subarray(0, 2000 * DIM));
    await client.upsert(name, sequentialIds(N), vectors);
    answers.set(name, await client.search(name, queries, { k: K }));
  }
  return answers;
}

function copiesOf(info: { placement: { replicas: { workerId: string }[] }[] }): string[][] {
  return info.placement.map((shard) => shard.replicas.map((r) => r.workerId));
}

/** Polls until `condition` holds; the budget only turns a hang into a failure naming what never happened. */
async function until(what: string, condition: () => Promise<boolean>, budgetMs = 120_000): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A cluster where "loading" is loading, its refill held by the paused w2, and "steady" is served. */
async function loadingCluster(coordinatorArgs: string[] = []): Promise<{ c: TestCluster; answers: Answers }> {
  // A long grace: the paused worker's copies must not be re-placed elsewhere meanwhile.
  const c = await startCluster({
    workers: 3,
    coordinatorArgs: ['--replica-grace-s', '3600', ...coordinatorArgs],
  });
  cluster = c;
  const answers = await createCollections(c.client);
  expect(copiesOf(await c.client.getCollection('loading'))).toEqual([
    ['w0', 'w1'],
    ['w1', 'w2'],
    ['w2', 'w0'],
  ]);
  expect(copiesOf(await c.client.getCollection('steady'))).toEqual([['w0']]);
  // Paused first: a refill of w1's copy of shard 1 must never find w2 answering.
  c.workers[2].process.kill('SIGSTOP');
  await c.restartWorker(1);
  await until('w2 to be seen gone', async () => {
    const status = await c.client.clusterStatus();
    return status.workers.find((w) => w.id === 'w2')?.alive === false;
  });
  await until('"loading" to read loading', async () => {
    return (await c.client.getCollection('loading')).state === 'loading';
  });
  return { c, answers };
}

/** Lets w2 go on: the held refill runs, and every collection is served in full, answering as before. */
async function releaseAndCheck(c: TestCluster, answers: Answers): Promise<void> {
  c.workers[2].process.kill('SIGCONT');
  for (const [name, before] of answers) {
    const info = await c.client.waitUntilLoaded(name, { timeoutMs: 180_000 });
    expect(info.state).toBe('ready');
    expect(info.vectors).toBe(N);
    const after = await c.client.search(name, queries, { k: K });
    expect(compareTopK({ labels: before.ids, distances: before.distances }, after, K)).toEqual([]);
  }
}

/** Resolves once the job has done some of its work and put itself back in the queue to wait. */
async function waitingJob(client: VecshardClient, id: string): Promise<JobDescription> {
  let job: JobDescription | undefined;
  await until(`job ${id} to move what it can and wait`, async () => {
    job = await client.getJob(id);
    return job.state === 'queued' && job.done > 0;
  });
  return job!;
}

describe('drains and rebalances meeting a collection being refilled', { timeout: 300_000 }, () => {
  it('DrainWorker moves the rest, waits for the refill, then moves the loading collection too', async () => {
    const { c, answers } = await loadingCluster();
    const queued = await c.client.drainWorker('w0');
    const waiting = await waitingJob(c.client, queued.id);
    // Waiting is not failing: no attempt was spent.
    expect(waiting.attempts).toBe(0);
    expect(copiesOf(await c.client.getCollection('steady')).flat()).not.toContain('w0');
    expect(copiesOf(await c.client.getCollection('loading')).flat()).toContain('w0');

    c.workers[2].process.kill('SIGCONT');
    const job = await c.client.waitForJob(queued.id, { timeoutMs: 180_000 });
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({
      worker: 'w0',
      collections: ['steady', 'loading'],
      waitedForRefill: ['loading'],
      leftLoading: [],
    });
    for (const name of answers.keys())
      expect(copiesOf(await c.client.getCollection(name)).flat()).not.toContain('w0');
    await releaseAndCheck(c, answers);
    const status = await c.client.clusterStatus();
    expect(status.workers.find((w) => w.id === 'w0')?.vectors).toBe(0);
  });

  it('DrainWorker whose wait has run out leaves the loading collection on the worker and says so', async () => {
    const { c, answers } = await loadingCluster(['--wait-for-refill-s', '0']);
    const job = await c.client.waitForJob((await c.client.drainWorker('w0')).id, { timeoutMs: 180_000 });
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({
      worker: 'w0',
      collections: ['steady'],
      waitedForRefill: [],
      leftLoading: [{ collection: 'loading', why: expect.stringMatching(/w1 restarted|refill/) }],
    });
    expect(copiesOf(await c.client.getCollection('steady')).flat()).not.toContain('w0');
    // Left as it was: its copies on w0 are still its copies.
    expect(copiesOf(await c.client.getCollection('loading'))).toEqual([
      ['w0', 'w1'],
      ['w1', 'w2'],
      ['w2', 'w0'],
    ]);
    await releaseAndCheck(c, answers);
  });

  it('Rebalance rebalances the rest, waits for the refill, then rebalances the loading collection', async () => {
    const { c, answers } = await loadingCluster();
    c.workers.push(await startWorker(c.redis.url, 'w3'));
    const queued = await c.client.rebalance();
    const waiting = await waitingJob(c.client, queued.id);
    expect(waiting.attempts).toBe(0);
    expect(copiesOf(await c.client.getCollection('steady')).flat()).toContain('w3');
    expect(copiesOf(await c.client.getCollection('loading')).flat()).not.toContain('w3');

    c.workers[2].process.kill('SIGCONT');
    const job = await c.client.waitForJob(queued.id, { timeoutMs: 180_000 });
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ waitedForRefill: ['loading'], leftLoading: [] });
    const moved = (job.result as { collections: Record<string, number> }).collections;
    expect(moved.steady).toBeGreaterThan(0);
    expect(moved.loading).toBeGreaterThan(0);
    expect(copiesOf(await c.client.getCollection('loading')).flat()).toContain('w3');
    await releaseAndCheck(c, answers);
  });
});
