import { type VecshardClient, VecshardError } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { Acknowledged, expectExact, grownBy, runLoad } from '../helpers/write-load.js';

// Every shard on `replication_factor` workers: a worker killed, hung or
// restarted under load costs no search and no acknowledged write, a copy
// that missed writes is never read until it caught up, and redundancy comes
// back after the grace.
const DIM = 16;
const NLIST = 16;

let cluster: TestCluster | undefined;
afterEach(async () => {
  for (const worker of cluster?.workers ?? []) worker.process.child.kill('SIGCONT');
  await cluster?.stop();
  cluster = undefined;
});

async function replicatedCollection(
  c: TestCluster,
  name: string,
  replicationFactor: number,
  acked: Acknowledged,
): Promise<Uint8Array> {
  await c.client.createCollection({
    name,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: 4,
    replicationFactor,
  });
  await c.client.train(name, clusteredVectors(2000, DIM, 3));
  const ids = sequentialIds(3000);
  const vectors = clusteredVectors(3000, DIM, 4);
  await c.client.upsert(name, ids, vectors);
  acked.add(ids, vectors);
  return (await c.client.getCollection(name, { includeTemplate: true })).template!;
}

/** Waits until every shard has `copies` ready copies on live workers. */
async function untilRedundant(client: VecshardClient, name: string, copies: number): Promise<void> {
  for (;;) {
    const info = await client.getCollection(name);
    const full = info.placement.every((s) => s.replicas.filter((r) => r.state === 'ready').length >= copies);
    if (full && info.state === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('replicated collections', { timeout: 180_000 }, () => {
  it('refuses more copies than live workers at Train', async () => {
    cluster = await startCluster({ workers: 2 });
    await cluster.client.createCollection({
      name: 'three',
      dim: DIM,
      metric: 'l2',
      index: `IVF${NLIST},Flat`,
      replicationFactor: 3,
    });
    const error = await cluster.client.train('three', clusteredVectors(2000, DIM, 3)).catch((e) => e);
    expect(error).toBeInstanceOf(VecshardError);
    expect(error.codeName).toBe('FAILED_PRECONDITION');
    expect(error.message).toMatch(/3 copies of every shard.*only 2 workers are alive/);
  });

  it('kill -9 of a worker under search and upsert load fails no call and loses no write; twice', async () => {
    cluster = await startCluster({
      workers: 3,
      coordinatorArgs: ['--replica-grace-s', '2'],
      clientDeadlineMs: 20_000,
    });
    const acked = new Acknowledged(DIM);
    const template = await replicatedCollection(cluster, 'kept', 2, acked);
    const info = await cluster.client.getCollection('kept');
    expect(info.replicationFactor).toBe(2);
    for (const shard of info.placement) {
      expect(new Set(shard.replicas.map((r) => r.workerId)).size).toBe(2);
      expect(shard.workerId).toBe(shard.replicas[0].workerId);
    }

    const load = runLoad(cluster.client, 'kept', acked);
    await grownBy(load.writes, 10);
    await cluster.workers[1].process.stop('SIGKILL');
    await grownBy(load.writes, 20);
    // Redundancy comes back: w1's copies are rebuilt on the others after the grace.
    await untilRedundant(cluster.client, 'kept', 2);
    const placed = await cluster.client.getCollection('kept');
    expect(placed.placement.flatMap((s) => s.replicas.map((r) => r.workerId))).not.toContain('w1');

    // A second kill once redundancy is back: again nothing fails.
    await cluster.workers[2].process.stop('SIGKILL');
    await grownBy(load.writes, 20);
    await load.stop();
    expect(load.failures).toEqual([]);
    await expectExact(cluster.client, 'kept', acked, template, NLIST);
  });

  it('a hung (SIGSTOP) copy costs no error, and searches stay far below the deadline', async () => {
    cluster = await startCluster({ workers: 2, clientDeadlineMs: 20_000 });
    const acked = new Acknowledged(DIM);
    const template = await replicatedCollection(cluster, 'hung', 2, acked);
    const load = runLoad(cluster.client, 'hung', acked);
    await grownBy(load.writes, 5);
    const hung = cluster.workers[1].process.child;
    hung.kill('SIGSTOP');
    try {
      await grownBy(load.writes, 20);
      await grownBy(() => load.latenciesMs.length, 200);
    } finally {
      hung.kill('SIGCONT');
    }
    await load.stop();
    expect(load.failures).toEqual([]);
    const sorted = [...load.latenciesMs].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))];
    // The deadline is 20 s; a search waiting on the hung copy would take that long.
    expect(p99).toBeLessThan(5000);
    await untilRedundant(cluster.client, 'hung', 2);
    await expectExact(cluster.client, 'hung', acked, template, NLIST);
  });

  it('never reads a copy that missed writes until it has caught up', async () => {
    cluster = await startCluster({ workers: 2, clientDeadlineMs: 20_000 });
    const acked = new Acknowledged(DIM);
    const template = await replicatedCollection(cluster, 'stale', 2, acked);
    const [w0, w1] = cluster.workers;
    w1.process.child.kill('SIGSTOP');
    // Written while w1 hangs: acknowledged once w0 stored them, w1's copies marked catching-up.
    const ids = sequentialIds(200, 500_000);
    const vectors = clusteredVectors(200, DIM, 55);
    await cluster.client.upsert('stale', ids, vectors);
    acked.add(ids, vectors);
    const gone = sequentialIds(100, 0);
    await cluster.client.delete('stale', gone);
    acked.remove(gone);
    const marked = await cluster.client.getCollection('stale');
    for (const shard of marked.placement) {
      expect(shard.replicas.find((r) => r.workerId === 'w1')?.state).not.toBe('ready');
    }
    w1.process.child.kill('SIGCONT');
    // w1 holds its stale copies again: every search must still see every acknowledged write.
    const reference = await acked.reference(template);
    const queries = clusteredVectors(20, DIM, 66);
    const want = await reference.search(queries, 10, { nprobe: NLIST });
    for (let i = 0; i < 30; i++) {
      const got = await cluster.client.search('stale', queries, { k: 10, nprobe: NLIST });
      expect(compareTopK(want, got, 10)).toEqual([]);
    }
    // Once caught up, w1 alone answers exactly.
    await untilRedundant(cluster.client, 'stale', 2);
    await w0.process.stop('SIGKILL');
    await expectExact(cluster.client, 'stale', acked, template, NLIST);
  });

  // Long enough for the coordinator to give up on the hung worker and answer first, on a busy machine too.
  const HUNG_DEADLINE_MS = 10_000;

  it('allow_partial answers from the shards that answer when a shard with one copy hangs', async () => {
    cluster = await startCluster({ workers: 2 });
    const acked = new Acknowledged(DIM);
    await replicatedCollection(cluster, 'partial', 1, acked);
    const info = await cluster.client.getCollection('partial');
    const hungShard = info.placement.find((s) => s.workerId === 'w1')!.shard;
    const queries = clusteredVectors(20, DIM, 9);
    cluster.workers[1].process.child.kill('SIGSTOP');
    try {
      const partial = await cluster.client.search('partial', queries, {
        k: 10,
        nprobe: NLIST,
        allowPartial: true,
        deadlineMs: HUNG_DEADLINE_MS,
      });
      expect(partial.partial).toBe(true);
      expect(partial.missingShards).toEqual([hungShard]);
      // Every hit comes from a list of the shard that answered.
      const answered = info.placement.find((s) => s.shard !== hungShard)!;
      const template = (await cluster.client.getCollection('partial', { includeTemplate: true })).template!;
      const quantizer = await FaissIndex.deserialize(template, 'l2');
      const hits = [...partial.ids].filter((id) => id >= 0n);
      expect(hits.length).toBeGreaterThan(0);
      const assigned = await quantizer.assign(acked.rows(hits), 1);
      for (const list of assigned.lists) expect(answered.lists).toContain(Number(list));

      const refused = await cluster.client
        .search('partial', queries, { k: 10, nprobe: NLIST, deadlineMs: HUNG_DEADLINE_MS })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(VecshardError);
      expect(refused.codeName).toBe('UNAVAILABLE');
      expect(refused.message).toMatch(/w1/);
    } finally {
      cluster.workers[1].process.child.kill('SIGCONT');
    }
  });
});
