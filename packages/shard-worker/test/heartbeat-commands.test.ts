import { clusterKeys, type WorkerRegistration } from '@vecshard/proto';
import { expect, it } from 'vitest';
import { commandsDuring, useCountedRedis } from '../../../test/helpers/redis-commands.js';
import { WorkerHeartbeat } from '../src/registration.js';

// A worker's idle control-plane cost (issue 25, target 6): one heartbeat is
// one transaction of a fixed number of commands (its registration, its alive
// key, its own fences), whatever the number of other workers; a heartbeat that
// looked at the other workers would make the cluster's Redis load grow with
// the square of its size.
const counted = useCountedRedis();

const registration = (i: number): WorkerRegistration => ({
  id: `worker-${i}`,
  address: `127.0.0.1:${50_000 + i}`,
  device: 'cpu',
  startedAtMs: 1000 + i,
});

it('beats in the same commands beside 1 and 64 other workers', async () => {
  const counts: number[] = [];
  for (const others of [1, 64]) {
    const keys = clusterKeys(`heartbeat-${others}`);
    for (let i = 1; i <= others; i++) {
      await counted.connection().hset(keys.workers, `worker-${i}`, JSON.stringify(registration(i)));
      await counted.connection().set(keys.workerAlive(`worker-${i}`), '1', 'PX', 60_000);
    }
    const accepted: unknown[] = [];
    const beat = new WorkerHeartbeat(
      counted.connection(),
      keys,
      registration(0),
      (error) => {
        throw error;
      },
      (beat) => accepted.push(beat),
    );
    // start() beats once before it returns; the next beat is a second away.
    counts.push(await commandsDuring(counted.observer(), () => beat.start()));
    await beat.stop();
    expect(accepted).toHaveLength(1);
    expect(await counted.connection().hlen(keys.workers)).toBe(others);
  }
  expect(counts[1]).toBe(counts[0]);
  // MULTI, HSET registration, SET alive, HGETALL fences, EXEC.
  expect(counts[0]).toBeLessThanOrEqual(5);
});
