import { beforeAll, describe, expect, it } from 'vitest';
import {
  availableFaissBuilds,
  FaissIndex,
  type Metric,
  measureReadBandwidth,
  missingAvx2Flags,
} from '../src/index.js';
import { parityProblems } from './result-parity.js';
import { clusteredVectors, sequentialIds } from './synthetic.js';

// The avx2 build must search exactly like Debian's generic one, up to float rounding.
// Quantizer training (k-means, PQ codebooks) may take other paths in each build,
// so one build trains, and both search copies of that one trained index.
const dim = 32;
const n = 20_000;
const nq = 100;
const k = 10;
const nprobe = 8;
const base = clusteredVectors(n, dim, 40, 21);
const queries = clusteredVectors(nq, dim, 40, 22);
const ids = sequentialIds(n, 500);

const FACTORIES = ['Flat', 'IVF64,Flat', 'IVF64,SQ8', 'IVF64,PQ16np'];
const METRICS: Metric[] = ['l2', 'ip'];

const builds = availableFaissBuilds();
const skipReason = builds.includes('avx2')
  ? undefined
  : missingAvx2Flags().length > 0
    ? `this CPU lacks ${missingAvx2Flags().join(', ')}, so the avx2 addon is not built`
    : 'the avx2 addon is not built (set-up builds it unless VECSHARD_FAISS_SIMD=0; did its FAISS build fail?)';
if (skipReason) console.warn(`build parity skipped: ${skipReason}`);

// Trained once per factory and metric for the whole file: PQ training takes seconds.
const trainedIndexes = new Map<string, Promise<Buffer>>();

function trainedOnce(factory: string, metric: Metric): Promise<Buffer> {
  const key = `${factory} ${metric}`;
  let trained = trainedIndexes.get(key);
  if (!trained) {
    trained = train(factory, metric);
    trainedIndexes.set(key, trained);
  }
  return trained;
}

async function train(factory: string, metric: Metric): Promise<Buffer> {
  const index = FaissIndex.create(dim, factory, metric, { build: 'generic' });
  await index.train(base);
  return index.serialize();
}

async function filledCopy(trained: Buffer, metric: Metric, build: 'avx2' | 'generic'): Promise<FaissIndex> {
  const index = await FaissIndex.deserialize(trained, metric, { build });
  expect(index.faissBuild).toBe(build);
  await index.add(base, ids);
  return index;
}

describe.skipIf(skipReason !== undefined)(
  `avx2 and generic FAISS builds${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    describe.each(METRICS)('%s', (metric) => {
      it.each(FACTORIES)('%s returns the same results', async (factory) => {
        const trained = await trainedOnce(factory, metric);
        const generic = await filledCopy(trained, metric, 'generic');
        const avx2 = await filledCopy(trained, metric, 'avx2');
        const options = generic.isIvf ? { nprobe } : {};
        const expected = await generic.search(queries, k, options);
        const actual = await avx2.search(queries, k, options);
        expect(expected.labels.some((id) => id >= 0n)).toBe(true);
        expect(parityProblems(expected, actual, k)).toEqual([]);
      });
    });

    describe.each(METRICS)('filtered and subset searches, %s', (metric) => {
      const subset = ids.filter((_, i) => i % 7 === 3);
      it.each(FACTORIES.filter((factory) => factory.startsWith('IVF')))(
        '%s returns the same results',
        async (factory) => {
          const trained = await trainedOnce(factory, metric);
          const generic = await filledCopy(trained, metric, 'generic');
          const avx2 = await filledCopy(trained, metric, 'avx2');
          const assignment = await generic.assign(queries, nprobe);
          const [a, b] = await Promise.all([
            generic.searchPreassigned(queries, k, assignment, {
              filter: FaissIndex.idFilter(subset, 'include', { build: 'generic' }),
            }),
            avx2.searchPreassigned(queries, k, assignment, {
              filter: FaissIndex.idFilter(subset, 'include', { build: 'avx2' }),
            }),
          ]);
          expect(a.labels.some((id) => id >= 0n)).toBe(true);
          expect(parityProblems(a, b, k)).toEqual([]);
          const [c, d] = await Promise.all([
            generic.searchSubset(queries, k, subset),
            avx2.searchSubset(queries, k, subset),
          ]);
          expect(parityProblems(c, d, k)).toEqual([]);
          const [e, f] = await Promise.all([
            generic.reconstructIds(subset.subarray(0, 50)),
            avx2.reconstructIds(subset.subarray(0, 50)),
          ]);
          expect(e.found).toEqual(f.found);
          for (let i = 0; i < e.vectors.length; i++) {
            expect(Math.abs(e.vectors[i] - f.vectors[i])).toBeLessThan(
              1e-4 * Math.max(1, Math.abs(e.vectors[i])),
            );
          }
        },
      );
    });

    describe('trained in each build', () => {
      let generic: FaissIndex;
      let avx2: FaissIndex;
      beforeAll(async () => {
        generic = FaissIndex.create(dim, 'IVF64,Flat', 'l2', { build: 'generic' });
        avx2 = FaissIndex.create(dim, 'IVF64,Flat', 'l2', { build: 'avx2' });
        for (const index of [generic, avx2]) {
          await index.train(base);
          await index.add(base, ids);
        }
      });

      it('holds indexes of both builds in one process, each searching correctly', async () => {
        expect([generic.faissBuild, avx2.faissBuild]).toEqual(['generic', 'avx2']);
        // Probing every list is exact search whatever the clustering, so both must agree.
        const all = { nprobe: 64 };
        const [a, b] = await Promise.all([generic.search(queries, k, all), avx2.search(queries, k, all)]);
        expect(parityProblems(a, b, k)).toEqual([]);
      });
    });
  },
);

describe('measureReadBandwidth', () => {
  it('reads a buffer and reports a positive rate', async () => {
    const gbps = await measureReadBandwidth(16 * 2 ** 20, 1);
    expect(gbps).toBeGreaterThan(0);
    expect(Number.isFinite(gbps)).toBe(true);
  });

  it('rejects a buffer smaller than one float and a thread count below one', () => {
    expect(() => measureReadBandwidth(2, 1)).toThrow(RangeError);
    expect(() => measureReadBandwidth(1024, 0)).toThrow(RangeError);
  });
});
