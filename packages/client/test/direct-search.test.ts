import * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { centroidsOf } from '../src/direct/coarse-assignment.js';
import { DIRECT_ASSIGN_MAX_WORK, searchDirect } from '../src/direct/direct-search.js';
import type { RoutingTable } from '../src/direct/routing-table.js';
import { ShardChannels } from '../src/direct/shard-channels.js';

// The fallbacks decided before any worker is called: these never reach the network.
const channels = new ShardChannels(grpc.credentials.createInsecure(), {});
afterAll(() => channels.close());

function table(overrides: Partial<RoutingTable> = {}): RoutingTable {
  return {
    collection: 'c',
    dim: 2,
    nlist: 4,
    nprobe: 1,
    epoch: 3n,
    quantizerDigest: Buffer.alloc(32),
    centroids: centroidsOf(Float32Array.from([0, 0, 1, 0, 2, 0, 3, 0]), 2, 'l2'),
    owner: Int32Array.from([0, 0, 1, 1]),
    copies: [['127.0.0.1:1'], []],
    routable: true,
    ...overrides,
  };
}
const request = (queries: number[], k = 3, nprobe = 1) => ({
  queries: Float32Array.from(queries),
  k,
  nprobe,
  deadline: Date.now() + 1000,
  requestId: 'test',
});

describe('direct search fallbacks', () => {
  it('leaves collections the client cannot route to the coordinator', async () => {
    const outcome = await searchDirect(table({ routable: false }), channels, request([0, 0]));
    expect(outcome).toMatchObject({ served: false, reason: 'not-routable' });
  });

  it('leaves malformed input to the coordinator, which words the error', async () => {
    for (const bad of [
      request([]),
      request([0, 0, 1]),
      request([0, 0], 0),
      request([0, 0], 3, 5),
      request([Number.NaN, 0]),
    ])
      expect(await searchDirect(table(), channels, bad)).toMatchObject({
        served: false,
        reason: 'unchecked-input',
      });
  });

  it('leaves a batch too large to assign cheaply in TypeScript to the coordinator', async () => {
    // The test table has 2-dimensional centroids: 2^21 multiply-adds is many thousand rows.
    const rows = Math.floor(DIRECT_ASSIGN_MAX_WORK / (table().nlist * 2)) + 1;
    const big = request(Array.from({ length: rows * 2 }, () => 0));
    expect(await searchDirect(table(), channels, big)).toMatchObject({
      served: false,
      reason: 'large-batch',
    });
    const small = request(Array.from({ length: (rows - 1) * 2 }, () => 0));
    expect(await searchDirect(table(), channels, small)).not.toMatchObject({ reason: 'large-batch' });
  });

  it('falls back when a shard it needs has no READY copy', async () => {
    // Near centroid 3, owned by shard 1, which has no copy in the table.
    expect(await searchDirect(table(), channels, request([3, 0]))).toMatchObject({
      served: false,
      reason: 'no-ready-copy',
    });
  });

  it('names the doubtful queries of a batch', async () => {
    const outcome = await searchDirect(table(), channels, request([0.1, 0, 1.5, 0]));
    expect(outcome).toMatchObject({ served: false, reason: 'doubt' });
    expect([...(outcome as { doubtful: Uint8Array }).doubtful]).toEqual([0, 1]);
  });
});
