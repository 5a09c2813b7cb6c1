import * as grpc from '@grpc/grpc-js';
import { VecshardError } from '@vecshard/client';
import { service as healthService } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, startWorker, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { reflectedServices } from '../helpers/reflection.js';

const DIM = 16;
const data = clusteredVectors(2000, DIM, 31);
const queries = clusteredVectors(20, DIM, 32);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 3 });
  for (const routing of ['lists', 'scatter'] as const) {
    const name = `kept-${routing}`;
    await cluster.client.createCollection({
      name,
      dim: DIM,
      metric: 'cosine',
      index: 'IVF16,SQ8',
      nprobe: 3,
      routing,
    });
    await cluster.client.train(name, data);
    await cluster.client.upsert(name, sequentialIds(2000), data);
  }
});
afterAll(async () => {
  await cluster?.stop();
});

function healthCheck(address: string, service = ''): Promise<string> {
  const Client = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Client(address, grpc.credentials.createInsecure()) as unknown as {
    check(req: object, options: object, cb: (e: Error | null, r: { status: string }) => void): void;
    close(): void;
  };
  return new Promise((resolve, reject) =>
    client.check({ service }, { deadline: Date.now() + 5000 }, (error, response) => {
      client.close();
      error ? reject(error) : resolve(response.status);
    }),
  );
}

/** Polls until `check` holds (a liveness wait, not a timing assertion). */
async function eventually(check: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('health', () => {
  it('coordinator and workers serve grpc.health.v1', async () => {
    expect(await healthCheck(cluster.coordinator.address)).toBe('SERVING');
    expect(await healthCheck(cluster.coordinator.address, 'vecshard.v1.Vecshard')).toBe('SERVING');
    expect(await healthCheck(cluster.workers[0].address, 'vecshard.worker.v1.ShardWorker')).toBe('SERVING');
  });

  it('coordinator and workers answer server reflection', async () => {
    expect(await reflectedServices(cluster.coordinator.address)).toContain('vecshard.v1.Vecshard');
    expect(await reflectedServices(cluster.workers[0].address)).toContain('vecshard.worker.v1.ShardWorker');
  });

  it('a worker asked for CUDA on a CPU-only FAISS build refuses and exits non-zero', async () => {
    const failure = await startWorker(cluster.redis.url, 'gpu', ['--device', 'cuda:0']).catch(
      (e: Error) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/exited with 2 before it was ready/);
    expect((failure as Error).message).toMatch(/built for CPU only/);
  });
});

describe('coordinator restart', () => {
  it('comes back from Redis with the same collections, placement and answers', async () => {
    const before = await cluster.client.listCollections();
    const answers = await Promise.all(before.map((c) => cluster.client.search(c.name, queries, { k: 7 })));
    await cluster.restartCoordinator();
    const after = await cluster.client.listCollections();
    expect(after).toEqual(before);
    const again = await Promise.all(after.map((c) => cluster.client.search(c.name, queries, { k: 7 })));
    again.forEach((result, i) => {
      expect(result.ids).toEqual(answers[i].ids);
      expect(result.distances).toEqual(answers[i].distances);
      expect(result.shardsQueried).toBe(answers[i].shardsQueried);
    });
  });
});

describe('worker failures', () => {
  it('a worker stopped with SIGTERM drains, exits 0 and deregisters', async () => {
    const extra = await startWorker(cluster.redis.url, 'extra');
    await eventually(
      async () => (await cluster.client.clusterStatus()).workers.some((w) => w.id === 'extra' && w.alive),
      'extra worker registered',
    );
    expect(await extra.process.stop('SIGTERM')).toBe(0);
    expect(extra.process.output()).toMatch(/SIGTERM received, draining/);
    const status = await cluster.client.clusterStatus();
    expect(status.workers.map((w) => w.id)).not.toContain('extra');
  });

  it('a hung worker makes searches that need it fail with UNAVAILABLE before the deadline', async () => {
    const hung = cluster.workers[2];
    hung.process.child.kill('SIGSTOP');
    try {
      const error = await cluster.client
        .search('kept-scatter', queries, { k: 5, deadlineMs: 3000 })
        .catch((e) => e);
      expect(error).toBeInstanceOf(VecshardError);
      expect(error.codeName).toBe('UNAVAILABLE');
      expect(error.message).toMatch(/worker w2/);
    } finally {
      hung.process.child.kill('SIGCONT');
    }
  });

  it('a killed worker is reported dead and searches needing it fail with UNAVAILABLE', async () => {
    const victim = cluster.workers[1];
    await victim.process.stop('SIGKILL');
    const error = await cluster.client
      .search('kept-scatter', queries, { k: 5, deadlineMs: 5000 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(VecshardError);
    expect(error.codeName).toBe('UNAVAILABLE');
    await eventually(
      async () => (await cluster.client.clusterStatus()).workers.some((w) => w.id === 'w1' && !w.alive),
      'w1 reported dead',
    );
    const later = await cluster.client
      .search('kept-lists', queries, { k: 5, deadlineMs: 5000 })
      .catch((e) => e);
    expect(later).toBeInstanceOf(VecshardError);
    expect(later.codeName).toBe('UNAVAILABLE');
    expect(later.message).toMatch(/w1.*stopped sending heartbeats/);
  });
});
