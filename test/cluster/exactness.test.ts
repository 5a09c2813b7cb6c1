import type { MetricName } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { compareTopK } from '../helpers/compare.js';
import { clusteredVectors, sequentialIds } from '../helpers/data.js';

// The cluster's answers must equal one in-process FAISS index built from the
// same trained template: for every index family, metric and shard count, after
// plain inserts, after upserts that replace ids (moving many to other lists and
// shards), and after deletes.
const DIM = 32;
const N = 5000;
const K = 10;
const NPROBE = 4;
const data = clusteredVectors(N, DIM, 1);
const queries = clusteredVectors(100, DIM, 2);
const ids = sequentialIds(N);
// Ids 0..599 get new vectors (drawn around other centres, so most change list).
const replacedIds = sequentialIds(600);
const replacement = clusteredVectors(600, DIM, 3);
// Then every 7th id is deleted, some of them among the replaced ones.
const deletedIds = BigInt64Array.from({ length: Math.floor(N / 7) }, (_, i) => BigInt(i * 7));

// PQ with 4-bit codes: 16 centroids per sub-quantizer train in seconds on this small sample.
const INDEXES = ['IVF32,Flat', 'IVF32,SQ8', 'IVF32,PQ8x4'];
const METRICS: MetricName[] = ['l2', 'ip', 'cosine'];
const SHARDS = [1, 2, 3];
const cases = INDEXES.flatMap((index) =>
  METRICS.flatMap((metric) => SHARDS.map((shards) => ({ index, metric, shards, routing: 'lists' as const }))),
);
// The scatter layout must give the same answers too.
cases.push({ index: 'IVF32,Flat', metric: 'l2', shards: 3, routing: 'scatter' as never });
cases.push({ index: 'IVF32,PQ8x4', metric: 'cosine', shards: 2, routing: 'scatter' as never });

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ workers: 3 });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('cluster top-k equals a single FAISS index', () => {
  it.each(cases)(
    '$index $metric on $shards shard(s), $routing routing',
    async ({ index, metric, shards, routing }) => {
      const client = cluster.client;
      const name = `${index.replace(/[^A-Za-z0-9]/g, '_')}-${metric}-${shards}-${routing}`;
      await client.createCollection({ name, dim: DIM, metric, index, nprobe: NPROBE, shards, routing });
      const trained = await client.train(name, data);
      expect(trained.placement).toHaveLength(shards);

      const { template } = await client.getCollection(name, { includeTemplate: true });
      const reference = await FaissIndex.deserialize(template!, metric);
      const expectSameAnswers = async (stage: string) => {
        const expected = await reference.search(queries, K, { nprobe: NPROBE });
        const actual = await client.search(name, queries, { k: K });
        expect(compareTopK(expected, actual, K), stage).toEqual([]);
        expect(actual.shardsQueried).toBeLessThanOrEqual(shards);
      };

      expect(await client.upsert(name, ids, data)).toBe(N);
      await reference.add(data, ids);
      await expectSameAnswers('after insert');

      await client.upsert(name, replacedIds, replacement);
      await reference.remove(replacedIds);
      await reference.add(replacement, replacedIds);
      await expectSameAnswers('after replacing upserts');
      expect((await client.getCollection(name)).vectors).toBe(N);

      const deleted = await client.delete(name, deletedIds);
      expect(deleted).toBe(await reference.remove(deletedIds));
      await expectSameAnswers('after deletes');
      expect((await client.getCollection(name)).vectors).toBe(reference.ntotal);

      await client.dropCollection(name);
    },
  );
});
