import { assignQueries, centroidsOf } from '@vecshard/client';
import { FaissIndex, type Metric } from '@vecshard/faiss';
import { describe, expect, it } from 'vitest';
import { clusteredVectors } from '../helpers/data.js';

// The client's assignment must probe exactly FAISS's lists for every query it
// does not flag as doubtful, with the centroids the routing table carries
// (read from the trained index's quantizer), for single queries and batches
// (FAISS switches to BLAS from 20 queries on, which rounds differently).
const NLIST = 64;
const cases = [64, 200].flatMap((dim) =>
  (['l2', 'ip', 'cosine'] as Metric[]).map((metric) => ({ dim, metric })),
);

describe.each(cases)('client assignment equals FAISS ($metric, dim $dim)', ({ dim: DIM, metric }) => {
  const train = clusteredVectors(NLIST * 40, DIM, 11, 50);
  it.each([1, 4, 16])('nprobe %i, batches of 1 and 500', async (nprobe) => {
    const index = FaissIndex.create(DIM, `IVF${NLIST},Flat`, metric);
    await index.train(train);
    const centroids = centroidsOf(index.centroids(), DIM, metric);
    expect(centroids.nlist).toBe(NLIST);
    const queries = clusteredVectors(500, DIM, 12, 50);
    const single = queries.subarray(0, DIM);
    for (const batch of [single, queries]) {
      const mine = assignQueries(centroids, batch, nprobe);
      const theirs = await index.assign(batch, nprobe);
      let sure = 0;
      for (let q = 0; q < mine.doubtful.length; q++) {
        if (mine.doubtful[q]) continue;
        sure++;
        const set = (lists: BigInt64Array) => [...lists.subarray(q * nprobe, (q + 1) * nprobe)].sort();
        expect(set(mine.lists), `query ${q}`).toEqual(set(theirs.lists));
      }
      // Doubt is the exception, not the rule.
      expect(sure).toBeGreaterThanOrEqual(Math.ceil(mine.doubtful.length * 0.9));
    }
  });
});
