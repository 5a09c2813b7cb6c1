import { VecshardClient, VecshardError } from '@vecshard/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { healthCheck } from '../helpers/health.js';
import { openReflectionStream } from '../helpers/reflection.js';

// A coordinator holding as many calls as --max-concurrent-requests allows turns
// the next away with RESOURCE_EXHAUSTED, still answers probes, and serves
// again once calls finish. Open reflection streams hold the slots.
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 1, coordinatorArgs: ['--max-concurrent-requests', '2'] });
});
afterAll(async () => {
  await cluster?.stop();
});

it('answers RESOURCE_EXHAUSTED past --max-concurrent-requests, and serves again after', async () => {
  const address = cluster.coordinator.address;
  const held = [await openReflectionStream(address), await openReflectionStream(address)];
  const client = new VecshardClient(address, { retries: 0, env: {} });
  try {
    const refused = await client.listCollections().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(VecshardError);
    expect((refused as VecshardError).codeName).toBe('RESOURCE_EXHAUSTED');
    expect((refused as VecshardError).message).toMatch(/limit of 2 concurrent requests/);
    expect(await healthCheck(address)).toBe('SERVING');

    for (const stream of held) await stream.end();
    expect(await client.listCollections()).toEqual([]);
  } finally {
    client.close();
  }
});
