import * as grpc from '@grpc/grpc-js';
import {
  SHARD_SEARCH_SERVICE_NAME,
  SHARD_WORKER_SERVICE_NAME,
  ShardWorkerService,
  shardSearchPackageDefinition,
  workerPackageDefinition,
} from '@vecshard/proto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';
import { healthCheck } from '../helpers/health.js';
import { FuzzReport, fuzzRuns } from './fuzz-report.js';
import type { FuzzTargets } from './request-arbitraries.js';
import { WireCaller } from './wire-caller.js';
import { callArbitrary, sendConcurrently } from './wire-fuzz.js';

// Every worker RPC with random and mangled requests, several at once, sent
// straight to a worker as anyone on its network could. The worker must stay
// up, answer each call with a status, and keep the shard the coordinator gave it.
const DIM = 8;
const RUNS = fuzzRuns(40);
const data = clusteredVectors(500, DIM, 81);
const queries = clusteredVectors(5, DIM, 82);
const READ_ONLY = new Set(['SearchPreassigned', 'Stats', 'ListDigests', 'ExportLists', 'ExportVersions']);

let cluster: TestCluster;
let caller: WireCaller;
const report = new FuzzReport('worker API');

beforeAll(async () => {
  cluster = await startCluster({ workers: 1 });
  const { client } = cluster;
  await client.createCollection({ name: 'kept', dim: DIM, metric: 'l2', index: 'IVF4,Flat', nprobe: 4 });
  await client.train('kept', data);
  await client.upsert('kept', sequentialIds(500), data);
  caller = new WireCaller(cluster.workers[0].address);
});
afterAll(async () => {
  caller?.close();
  await cluster?.stop();
});

/** Gives the worker a scratch shard again (a fuzzed Drop may have taken it), so writes reach FAISS. */
function attachScratch(template: Buffer | undefined): Promise<void> {
  const worker = new ShardWorkerService(cluster.workers[0].address, grpc.credentials.createInsecure());
  const request = {
    collection: 'scratch-w',
    template,
    metric: 'METRIC_L2' as const,
    lists: [0, 1, 2, 3],
    shard: 0,
  };
  return new Promise((resolve) =>
    worker.Attach(request, { deadline: Date.now() + 30_000 }, () => {
      worker.close();
      resolve();
    }),
  );
}

describe('worker API under fuzzed requests', () => {
  it(
    'ends every call in a status, stays up and keeps its shard intact',
    async () => {
      const before = await cluster.client.search('kept', queries, { k: 10 });
      const template = (await cluster.client.getCollection('kept', { includeTemplate: true })).template;
      const targets: FuzzTargets = {
        dim: DIM,
        scratchNames: ['scratch-w', 'scratch-v'],
        keptNames: ['kept'],
        template: template && Buffer.from(template),
      };
      const batches = fc.array(
        callArbitrary(workerPackageDefinition, SHARD_WORKER_SERVICE_NAME, targets, READ_ONLY),
        { minLength: 1, maxLength: 6 },
      );
      await fc.assert(
        fc.asyncProperty(batches, async (calls) => {
          await attachScratch(targets.template);
          const outcomes = await sendConcurrently(caller, calls);
          for (const [i, call] of calls.entries())
            report.record(call.method, outcomes[i].status, outcomes[i].details);
          expect(cluster.workers[0].process.child.exitCode).toBeNull();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      report.print(RUNS);
      expect(report.unexpected(/^Error deserializing request/)).toEqual([]);
      expect(await healthCheck(cluster.workers[0].address)).toBe('SERVING');
      const after = await cluster.client.search('kept', queries, { k: 10 });
      expect(after.ids).toEqual(before.ids);
      expect(after.distances).toEqual(before.distances);
      expect((await cluster.client.getCollection('kept')).vectors).toBe(500);
    },
    RUNS * 3000 + 60_000,
  );

  it(
    'ends every one-hop search (ShardSearch) in a status and keeps answering',
    async () => {
      const before = await cluster.client.search('kept', queries, { k: 10 });
      const targets: FuzzTargets = { dim: DIM, scratchNames: [], keptNames: ['kept'] };
      const batches = fc.array(
        callArbitrary(
          shardSearchPackageDefinition,
          SHARD_SEARCH_SERVICE_NAME,
          targets,
          new Set(['SearchLists']),
        ),
        { minLength: 1, maxLength: 6 },
      );
      const searchReport = new FuzzReport('worker ShardSearch');
      await fc.assert(
        fc.asyncProperty(batches, async (calls) => {
          const outcomes = await sendConcurrently(caller, calls);
          for (const [i, call] of calls.entries())
            searchReport.record(call.method, outcomes[i].status, outcomes[i].details);
          expect(cluster.workers[0].process.child.exitCode).toBeNull();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      searchReport.print(RUNS);
      expect(searchReport.unexpected(/^Error deserializing request/)).toEqual([]);
      const after = await cluster.client.search('kept', queries, { k: 10 });
      expect(after.ids).toEqual(before.ids);
      expect(after.distances).toEqual(before.distances);
    },
    RUNS * 3000 + 60_000,
  );
});
