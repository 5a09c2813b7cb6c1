import { VecshardClient } from '@vecshard/client';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, startCoordinatorProcess, startWorker, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { Acknowledged, expectExact, grownBy, runLoad } from '../helpers/write-load.js';

// Placement follows the workers: a worker that joins gets its share through
// Rebalance, a worker that must leave is drained first, and both happen while
// searches and writes go on, without a failed call or an inexact answer.
const DIM = 16;
const NLIST = 32;

let cluster: TestCluster | undefined;
const extra: VecshardClient[] = [];
afterEach(async () => {
  for (const client of extra.splice(0)) client.close();
  await cluster?.stop();
  cluster = undefined;
});

async function collection(c: TestCluster, acked: Acknowledged): Promise<Uint8Array> {
  await c.client.createCollection({
    name: 'grow',
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 4,
  });
  await c.client.train('grow', clusteredVectors(3000, DIM, 1));
  const ids = sequentialIds(6000);
  const vectors = clusteredVectors(6000, DIM, 2);
  await c.client.upsert('grow', ids, vectors);
  acked.add(ids, vectors);
  return (await c.client.getCollection('grow', { includeTemplate: true })).template!;
}

describe('elastic placement', { timeout: 180_000 }, () => {
  it('a worker joins; Rebalance under load gives it its share, fails no call, stays exact; coordinators agree', async () => {
    cluster = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    // It runs no jobs: the rebalance runs on the coordinator taking the writes. A move run by
    // one coordinator while another takes writes can lose a write to a moving list (the
    // mover holds only its own write queue; see the coordinator README's known holes).
    const early = await startCoordinatorProcess(cluster.redis.url, ['--no-jobs']);
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2'));

    const load = runLoad(cluster.client, 'grow', acked);
    await grownBy(load.writes, 5);
    const job = await cluster.client.waitForJob((await cluster.client.rebalance('grow')).id, {
      timeoutMs: 120_000,
    });
    await grownBy(load.writes, 5);
    await load.stop();
    expect(load.failures).toEqual([]);
    expect(job.kind).toBe('rebalance');
    expect(Number((job.result as { listsMoved: number }).listsMoved)).toBeGreaterThan(0);

    const status = await cluster.client.clusterStatus();
    const total = status.workers.reduce((sum, w) => sum + w.vectors, 0);
    const joined = status.workers.find((w) => w.id === 'w2')!;
    // Its share of three workers, give or take the 5 % the plan allows and the lists' sizes.
    expect(joined.vectors).toBeGreaterThan(total / 3 / 2);
    await expectExact(cluster.client, 'grow', acked, template, NLIST);

    // A coordinator started before the move and one started after see the same placement.
    const late = await startCoordinatorProcess(cluster.redis.url);
    const clients = [early, late].map((c) => new VecshardClient(c.address));
    extra.push(...clients);
    const placements = await Promise.all(
      [cluster.client, ...clients].map(async (c) =>
        JSON.stringify((await c.getCollection('grow')).placement),
      ),
    );
    expect(new Set(placements).size).toBe(1);
    await expectExact(clients[0], 'grow', acked, template, NLIST);
    await early.process.stop('SIGKILL');
    await late.process.stop('SIGKILL');
  });

  it('writes taken by another coordinator while lists and copies move are all kept', async () => {
    cluster = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    // The writes go through a coordinator that runs no jobs; the moves run on the other one.
    // The copies being moved hold such writes (ABORTED "write fenced"): the writer routes them
    // again once the placement has switched, instead of leaving them on a copy being dropped.
    const writer = await startCoordinatorProcess(cluster.redis.url, ['--no-jobs']);
    const client = new VecshardClient(writer.address);
    extra.push(client);
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2'));
    const load = runLoad(client, 'grow', acked);
    await grownBy(load.writes, 5);
    const rebalance = await cluster.client.waitForJob((await cluster.client.rebalance('grow')).id, {
      timeoutMs: 120_000,
    });
    expect(Number((rebalance.result as { listsMoved: number }).listsMoved)).toBeGreaterThan(0);
    await grownBy(load.writes, 5);
    await cluster.client.waitForJob((await cluster.client.drainWorker('w0')).id, { timeoutMs: 120_000 });
    await grownBy(load.writes, 5);
    await load.stop();
    expect(load.failures).toEqual([]);
    await expectExact(cluster.client, 'grow', acked, template, NLIST);
    await writer.process.stop('SIGKILL');
  });

  it('DrainWorker empties a worker under load; then kill -9 of it fails no call', async () => {
    cluster = await startCluster({ workers: 3 });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    const load = runLoad(cluster.client, 'grow', acked);
    await grownBy(load.writes, 5);
    const job = await cluster.client.waitForJob((await cluster.client.drainWorker('w1')).id, {
      timeoutMs: 120_000,
    });
    expect(job.kind).toBe('drain');
    const info = await cluster.client.getCollection('grow');
    expect(info.placement.flatMap((s) => s.replicas.map((r) => r.workerId))).not.toContain('w1');
    expect((await cluster.client.clusterStatus()).workers.find((w) => w.id === 'w1')?.vectors).toBe(0);
    await cluster.workers[1].process.stop('SIGKILL');
    await grownBy(load.writes, 10);
    await load.stop();
    expect(load.failures).toEqual([]);
    await expectExact(cluster.client, 'grow', acked, template, NLIST);

    // No new placement uses the drained worker.
    await cluster.client.createCollection({ name: 'after', dim: DIM, metric: 'l2', index: 'IVF8,Flat' });
    const after = await cluster.client.train('after', clusteredVectors(500, DIM, 3));
    expect(after.placement.map((s) => s.workerId)).not.toContain('w1');
  });

  it('every search during a rebalance is exact', async () => {
    cluster = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    const reference = await acked.reference(template);
    const queries = clusteredVectors(20, DIM, 71);
    const want = await reference.search(queries, 10, { nprobe: 4 });
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2'));
    let done = false;
    let searches = 0;
    const mismatches: string[] = [];
    const searching = (async () => {
      while (!done) {
        const got = await cluster!.client.search('grow', queries, { k: 10, nprobe: 4 });
        mismatches.push(...compareTopK(want, got, 10));
        searches++;
      }
    })();
    await cluster.client.waitForJob((await cluster.client.rebalance()).id, { timeoutMs: 120_000 });
    done = true;
    await searching;
    expect(searches).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('with --auto-rebalance, a worker that joins gets its share without being asked', async () => {
    cluster = await startCluster({ workers: 2, coordinatorArgs: ['--auto-rebalance-s', '1'] });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2'));
    const joined = (await cluster.client.clusterStatus()).workers.find((w) => w.id === 'w2')!;
    // The coordinator queues the job itself, under an id made from the new worker process.
    const jobId = `auto-rebalance-w2-${joined.startedAtMs}`;
    for (;;) {
      const job = await cluster.client.getJob(jobId).catch(() => undefined);
      if (job) {
        expect((await cluster.client.waitForJob(jobId, { timeoutMs: 120_000 })).kind).toBe('rebalance');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const status = await cluster.client.clusterStatus();
    expect(status.workers.find((w) => w.id === 'w2')!.vectors).toBeGreaterThan(0);
    await expectExact(cluster.client, 'grow', acked, template, NLIST);
  });

  it('a worker stopped with --drain-on-stop-s hands everything over first: no call fails', async () => {
    cluster = await startCluster({ workers: 2 });
    cluster.workers.push(await startWorker(cluster.redis.url, 'w2', ['--drain-on-stop-s', '60']));
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    const load = runLoad(cluster.client, 'grow', acked);
    await grownBy(load.writes, 5);
    // SIGTERM, as Kubernetes sends on a scale-down; the worker exits once drained.
    expect(await cluster.workers[2].process.stop('SIGTERM')).toBe(0);
    await grownBy(load.writes, 5);
    await load.stop();
    expect(load.failures).toEqual([]);
    const info = await cluster.client.getCollection('grow');
    expect(info.placement.flatMap((s) => s.replicas.map((r) => r.workerId))).not.toContain('w2');
    await expectExact(cluster.client, 'grow', acked, template, NLIST);
  });

  it('a move whose target dies fails the job and leaves the old placement serving', async () => {
    cluster = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    const template = await collection(cluster, acked);
    const before = JSON.stringify((await cluster.client.getCollection('grow')).placement);
    const doomed = await startWorker(cluster.redis.url, 'w2');
    cluster.workers.push(doomed);
    await doomed.process.stop('SIGKILL');
    const job = await cluster.client.rebalance('grow');
    const finished = await cluster.client.watchJob(job.id, () => {}, { timeoutMs: 120_000 });
    expect(finished.state).toBe('failed');
    expect(JSON.stringify((await cluster.client.getCollection('grow')).placement)).toBe(before);
    await expectExact(cluster.client, 'grow', acked, template, NLIST);
  });
});
