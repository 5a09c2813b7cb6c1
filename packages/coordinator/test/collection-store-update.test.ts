import { clusterKeys, openRedis } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../../test/helpers/cluster.js';
import { CollectionStore } from '../src/collection-store.js';

// Coordinators change one collection record concurrently: one marks a copy
// catching-up while another finishes a snapshot or a move. Every change must
// survive; a read-modify-write that wrote back a stale record would bring a
// demoted copy back to "ready" and let searches read it.
let redis: RedisServer;
const connections: Redis[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const connection of connections) connection.disconnect();
  await redis?.stop();
});

function coordinatorStore(): CollectionStore {
  const connection = openRedis(redis.url);
  connections.push(connection);
  return new CollectionStore(connection, clusterKeys('store-test'));
}

it('keeps every change when several coordinators update one record at once', async () => {
  const stores = [coordinatorStore(), coordinatorStore(), coordinatorStore()];
  await stores[0].create({
    name: 'shared',
    dim: 4,
    metric: 'l2',
    index: 'IVF4,Flat',
    nprobe: 1,
    shards: 1,
    routing: 'list',
    replicationFactor: 1,
    placementPolicy: 'locality',
    state: 'created',
    nlist: 4,
    placement: [],
    createdAtMs: 0,
    epoch: 0,
  });
  // 3 coordinators × 40 changes, each adding one distinct list to the single field they all rewrite.
  await Promise.all(
    stores.map((store, s) =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.update('shared', (record) => ({
            ...record,
            epoch: (record.epoch ?? 0) + 1,
            placement: [
              {
                shard: 0,
                replicas: [],
                expectedVectors: 0,
                lists: [...(record.placement[0]?.lists ?? []), s * 100 + i],
              },
            ],
          })),
        ),
      ),
    ),
  );
  const stored = await stores[0].get('shared');
  expect(stored?.epoch).toBe(120);
  expect(new Set(stored?.placement[0].lists).size).toBe(120);
});

it('resolves to undefined for a collection that does not exist', async () => {
  expect(await coordinatorStore().update('missing', (record) => record)).toBeUndefined();
});
