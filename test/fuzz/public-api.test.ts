import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicPackageDefinition, VECSHARD_SERVICE_NAME } from '@vecshard/proto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { healthCheck } from '../helpers/health.js';
import { FuzzReport, fuzzRuns } from './fuzz-report.js';
import type { FuzzTargets } from './request-arbitraries.js';
import { WireCaller } from './wire-caller.js';
import { callArbitrary, sendConcurrently } from './wire-fuzz.js';

// Every public RPC with random and mangled requests, several at once. Nothing
// may stop a process, every call must end in a status, and the collection
// the fuzzer may only read must answer exactly as before.
const DIM = 8;
const RUNS = fuzzRuns(40);
const data = clusteredVectors(500, DIM, 71);
const queries = clusteredVectors(5, DIM, 72);
const READ_ONLY = new Set([
  'Search',
  'GetCollection',
  'ListCollections',
  'ClusterStatus',
  'GetJob',
  'WatchJob',
  'ListSnapshots',
  'Snapshot',
]);

let cluster: TestCluster;
let caller: WireCaller;
const report = new FuzzReport('public API');

beforeAll(async () => {
  const store = mkdtempSync(join(tmpdir(), 'vecshard-fuzz-store-'));
  cluster = await startCluster({ workers: 2, coordinatorArgs: ['--store', `file://${store}`] });
  const { client } = cluster;
  await client.createCollection({ name: 'kept', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
  await client.train('kept', data);
  await client.upsert('kept', sequentialIds(500), data);
  caller = new WireCaller(cluster.coordinator.address);
});
afterAll(async () => {
  caller?.close();
  await cluster?.stop();
});

/** A trained scratch collection, made again when a fuzzed drop took it, so writes reach real shards. */
async function recreateScratch(): Promise<void> {
  const names = (await cluster.client.listCollections()).map((c) => c.name);
  if (names.includes('scratch-a')) return;
  await cluster.client
    .createCollection({ name: 'scratch-a', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 2 })
    .then(() => cluster.client.train('scratch-a', data.subarray(0, 100 * DIM)))
    // A concurrent create or drop from an earlier batch's job may win; the fuzz goes on either way.
    .catch(() => undefined);
}

describe('public API under fuzzed requests', () => {
  it(
    'ends every call in a status, keeps every process up and the kept data intact',
    async () => {
      const before = await cluster.client.search('kept', queries, { k: 10 });
      const targets: FuzzTargets = {
        dim: DIM,
        scratchNames: ['scratch-a', 'scratch-b'],
        keptNames: ['kept'],
      };
      const batches = fc.array(
        callArbitrary(publicPackageDefinition, VECSHARD_SERVICE_NAME, targets, READ_ONLY),
        {
          minLength: 1,
          maxLength: 6,
        },
      );
      await fc.assert(
        fc.asyncProperty(batches, async (calls) => {
          await recreateScratch();
          const outcomes = await sendConcurrently(caller, calls);
          for (const [i, call] of calls.entries())
            report.record(call.method, outcomes[i].status, outcomes[i].details);
          // A status from a live process: none died on the way.
          expect(cluster.coordinator.process.child.exitCode).toBeNull();
          for (const worker of cluster.workers) expect(worker.process.child.exitCode).toBeNull();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      report.print(RUNS);
      // Only gRPC's own answer to bytes that are no message may be INTERNAL; our handlers never.
      expect(report.unexpected(/^Error deserializing request/)).toEqual([]);
      expect(await healthCheck(cluster.coordinator.address)).toBe('SERVING');
      const after = await cluster.client.search('kept', queries, { k: 10 });
      expect(after.ids).toEqual(before.ids);
      expect(after.distances).toEqual(before.distances);
      expect((await cluster.client.getCollection('kept')).vectors).toBe(500);
    },
    RUNS * 3000 + 60_000,
  );
});
