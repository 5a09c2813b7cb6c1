import { clusterKeys, type WorkerRegistration } from '@vecshard/proto';
import { expect, it } from 'vitest';
import { commandsDuring, useCountedRedis } from '../../../test/helpers/redis-commands.js';
import { WorkerDirectory } from '../src/worker-directory.js';

// The coordinator's idle control-plane cost (issue 25, target 6): reading the
// worker directory, which it does every second, takes the same number of
// Redis commands whatever the number of workers; only the replies grow, one
// entry per worker. A directory read per worker (O(workers) commands a second,
// O(workers²) over a cluster of coordinators reading them) fails here.
const counted = useCountedRedis();

async function register(prefix: string, workers: number): Promise<void> {
  const keys = clusterKeys(prefix);
  for (let i = 0; i < workers; i++) {
    const worker: WorkerRegistration = {
      id: `worker-${i}`,
      address: `127.0.0.1:${50_000 + i}`,
      device: 'cpu',
      startedAtMs: 1000 + i,
    };
    await counted.connection().hset(keys.workers, worker.id, JSON.stringify(worker));
    // Every other worker's heartbeat has lapsed.
    if (i % 2 === 0) await counted.connection().set(keys.workerAlive(worker.id), '1', 'PX', 60_000);
  }
}

it('reads the directory in the same few commands at 4 and at 64 workers', async () => {
  const counts: number[] = [];
  for (const workers of [4, 64]) {
    const prefix = `directory-${workers}`;
    await register(prefix, workers);
    const directory = new WorkerDirectory(counted.connection(), clusterKeys(prefix), (error) => {
      throw error;
    });
    counts.push(await commandsDuring(counted.observer(), () => directory.refresh()));
    expect(directory.all()).toHaveLength(workers);
    expect(directory.live()).toHaveLength(workers / 2);
  }
  expect(counts[1]).toBe(counts[0]);
  expect(counts[0]).toBeLessThanOrEqual(3);
});
