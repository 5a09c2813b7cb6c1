import { beforeAll, describe, expect, it } from 'vitest';
import { type Assignment, FaissIndex, IdFilter, type IdFilterMode, type SearchResult } from '../src/index.js';
import { bruteForce, FLT_MAX, sampleIds } from './brute-force.js';
import { parityProblems } from './result-parity.js';
import { clusteredVectors, sequentialIds } from './synthetic.js';

const dim = 16;
const n = 6_000;
const nq = 40;
const nlist = 32;
const k = 10;
const base = clusteredVectors(n, dim, 24, 31);
const queries = clusteredVectors(nq, dim, 24, 32);
const ids = sequentialIds(n, 100);
/** Distinct ids scattered over the whole int64 range, negatives included: too sparse for a bitmap. */
const scattered = BigInt64Array.from({ length: n }, (_, i) =>
  BigInt.asIntN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n),
);

/**
 * Filters hold dense ids as a bitmap and sparse ones in FAISS's hash set: both are
 * searched, with ids that fill their span and with ids scattered over int64.
 */
const LAYOUTS = [
  { layout: 'dense ids (bitmap)', layoutIds: ids, kind: 'bitmap' },
  { layout: 'scattered ids (hash set)', layoutIds: scattered, kind: 'hash' },
] as const;

async function filled(factory: string, metric: 'l2' | 'ip', stored = ids): Promise<FaissIndex> {
  const index = FaissIndex.create(dim, factory, metric);
  await index.train(base);
  await index.add(base, stored);
  return index;
}

/** The list each stored id is in, read back from the index. */
function listOfEachId(index: FaissIndex): Map<bigint, number> {
  const lists = new Map<bigint, number>();
  for (let list = 0; list < index.nlist; list++) {
    for (const id of index.exportList(list).ids) lists.set(id, list);
  }
  return lists;
}

/** Brute force over the ids a filter lets through, in the lists each query probes. */
function expectedFiltered(
  index: FaissIndex,
  metric: 'l2' | 'ip',
  assignment: Assignment,
  allowed: (id: bigint) => boolean,
  stored = ids,
): SearchResult {
  const listOf = listOfEachId(index);
  const nprobe = assignment.lists.length / nq;
  return bruteForce(queries, base, stored, dim, k, metric, (query, row) => {
    const list = BigInt(listOf.get(stored[row]) ?? -1);
    return (
      allowed(stored[row]) && assignment.lists.subarray(query * nprobe, (query + 1) * nprobe).includes(list)
    );
  });
}

function allowedBy(filterIds: BigInt64Array, mode: IdFilterMode): (id: bigint) => boolean {
  const set = new Set(filterIds);
  return mode === 'include' ? (id) => set.has(id) : (id) => !set.has(id);
}

describe.each(['l2', 'ip'] as const)('filtered searchPreassigned, IVF-Flat %s', (metric) => {
  describe.each(LAYOUTS)('$layout', ({ layoutIds: ids, kind }) => {
    let index: FaissIndex;
    beforeAll(async () => {
      index = await filled(`IVF${nlist},Flat`, metric, ids);
    });

    describe.each(['include', 'exclude'] as const)('%s', (mode) => {
      const filterIds = sampleIds(ids, 0.2, mode === 'include' ? 1 : 2);

      it('equals brute force over the allowed ids in the probed lists', async () => {
        const filter = FaissIndex.idFilter(filterIds, mode);
        expect(filter.kind).toBe(kind);
        const assignment = await index.assign(queries, 4);
        const actual = await index.searchPreassigned(queries, k, assignment, { filter });
        const expected = expectedFiltered(index, metric, assignment, allowedBy(filterIds, mode), ids);
        expect(actual.labels.some((id) => id >= 0n)).toBe(true);
        expect(parityProblems(expected, actual, k)).toEqual([]);
      });

      it('probing every list equals exact search over the subset', async () => {
        const filter = FaissIndex.idFilter(filterIds, mode);
        const allowed = allowedBy(filterIds, mode);
        const assignment = await index.assign(queries, nlist);
        const actual = await index.searchPreassigned(queries, k, assignment, { filter });
        const expected = bruteForce(queries, base, ids, dim, k, metric, (_, row) => allowed(ids[row]));
        expect(parityProblems(expected, actual, k)).toEqual([]);
        const subset = await index.searchSubset(queries, k, ids.filter(allowed));
        expect(parityProblems(subset, actual, k)).toEqual([]);
      });

      it('searches one query on the calling thread as a batch is searched on a thread', async () => {
        const filter = FaissIndex.idFilter(filterIds, mode);
        const nprobe = 4;
        const assignment = await index.assign(queries, nprobe);
        const all = await index.searchPreassigned(queries, k, assignment, { filter });
        for (let q = 0; q < nq; q += 7) {
          const one = await index.searchPreassigned(
            queries.subarray(q * dim, (q + 1) * dim),
            k,
            {
              lists: assignment.lists.subarray(q * nprobe, (q + 1) * nprobe),
              distances: assignment.distances.subarray(q * nprobe, (q + 1) * nprobe),
            },
            { filter },
          );
          expect([...one.labels]).toEqual([...all.labels.subarray(q * k, (q + 1) * k)]);
          expect([...one.distances]).toEqual([...all.distances.subarray(q * k, (q + 1) * k)]);
        }
      });
    });

    it('an empty include filter finds nothing; an empty exclude filter changes nothing', async () => {
      const assignment = await index.assign(queries, 4);
      const none = await index.searchPreassigned(queries, k, assignment, {
        filter: FaissIndex.idFilter(new BigInt64Array(0), 'include'),
      });
      expect(none.labels.every((id) => id === -1n)).toBe(true);
      expect(none.distances.every((d) => d === (metric === 'l2' ? FLT_MAX : -FLT_MAX))).toBe(true);
      const all = await index.searchPreassigned(queries, k, assignment, {
        filter: FaissIndex.idFilter(new BigInt64Array(0), 'exclude'),
      });
      expect(all).toEqual(await index.searchPreassigned(queries, k, assignment));
    });

    it('ignores ids not stored and repeated ids, and pads rows with fewer than k matches', async () => {
      const three = BigInt64Array.of(ids[5], ids[5], ids[900], ids[4000], -7n, 99_999_999n);
      const filter = FaissIndex.idFilter(three, 'include');
      expect(filter.size).toBe(5);
      const assignment = await index.assign(queries, nlist);
      const result = await index.searchPreassigned(queries, k, assignment, { filter });
      for (let q = 0; q < nq; q++) {
        const row = [...result.labels.subarray(q * k, (q + 1) * k)];
        expect(row.slice(0, 3).sort()).toEqual([ids[5], ids[900], ids[4000]].sort());
        expect(row.slice(3)).toEqual(new Array(k - 3).fill(-1n));
      }
    });

    it('reuses one filter across calls and indexes, concurrently', async () => {
      const other = await filled(`IVF${nlist},Flat`, metric, ids);
      const filterIds = sampleIds(ids, 0.1, 3);
      const filter = FaissIndex.idFilter(filterIds, 'include');
      const assignment = await index.assign(queries, 8);
      const runs = await Promise.all([
        index.searchPreassigned(queries, k, assignment, { filter }),
        other.searchPreassigned(queries, k, assignment, { filter }),
        index.searchPreassigned(queries, k, assignment, { filter }),
      ]);
      const expected = expectedFiltered(index, metric, assignment, allowedBy(filterIds, 'include'), ids);
      for (const run of runs) expect(parityProblems(expected, run, k)).toEqual([]);
    });

    it('a search in flight keeps the filter it was given through a dispose()', async () => {
      const filterIds = sampleIds(ids, 0.3, 4);
      const filter = FaissIndex.idFilter(filterIds, 'include');
      const assignment = await index.assign(queries, nlist); // a long scan: a libuv thread
      const pending = index.searchPreassigned(queries, k, assignment, { filter });
      filter.dispose();
      filter.dispose();
      expect(filter.disposed).toBe(true);
      expect(filter.size).toBe(0);
      expect(filter.memoryBytes()).toBe(0);
      const allowed = allowedBy(filterIds, 'include');
      const expected = bruteForce(queries, base, ids, dim, k, metric, (_, row) => allowed(ids[row]));
      expect(parityProblems(expected, await pending, k)).toEqual([]);
      expect(() => index.searchPreassigned(queries, k, assignment, { filter })).toThrow(
        new TypeError('the IdFilter has been disposed of'),
      );
    });
  });
});

describe('filtered searchPreassigned, SQ and PQ codes', () => {
  it.each([
    ['IVF32,SQ8', 'l2'],
    ['IVF32,SQ8', 'ip'],
    ['IVF32,PQ8np', 'l2'],
    ['IVF32,PQ8np', 'ip'],
  ] as const)(
    '%s (%s) equals the unfiltered scan with the filtered-out ids dropped',
    async (factory, metric) => {
      const index = await filled(factory, metric);
      const filterIds = sampleIds(ids, 0.15, 5);
      const allowed = allowedBy(filterIds, 'include');
      const assignment = await index.assign(queries, 3);
      const filtered = await index.searchPreassigned(queries, k, assignment, {
        filter: FaissIndex.idFilter(filterIds, 'include'),
      });
      // Every vector of the probed lists, ranked as FAISS ranks them, then filtered here.
      const wide = 2_000;
      const everything = await index.searchPreassigned(queries, wide, assignment);
      for (let q = 0; q < nq; q++) {
        const scanned = new Map<bigint, number>();
        const kept: number[] = [];
        for (let i = q * wide; i < (q + 1) * wide; i++) {
          if (everything.labels[i] < 0n) continue;
          scanned.set(everything.labels[i], everything.distances[i]);
          if (allowed(everything.labels[i]) && kept.length < k) kept.push(everything.distances[i]);
        }
        expect(kept.length).toBe(k);
        expect([...filtered.distances.subarray(q * k, (q + 1) * k)]).toEqual(kept);
        // Ids, not ranks: codes that decode alike tie, and ties may come in either order.
        for (let i = q * k; i < (q + 1) * k; i++) {
          expect(allowed(filtered.labels[i])).toBe(true);
          expect(scanned.get(filtered.labels[i])).toBe(filtered.distances[i]);
        }
      }
    },
  );
});

describe('id filter arguments', () => {
  let index: FaissIndex;
  let assignment: Assignment;
  beforeAll(async () => {
    index = await filled(`IVF${nlist},Flat`, 'l2');
    assignment = await index.assign(queries, 2);
  });

  it('checks the ids, the mode and the filter', () => {
    expect(() => FaissIndex.idFilter([1n, 2n] as unknown as BigInt64Array, 'include')).toThrow(TypeError);
    expect(() => FaissIndex.idFilter(new Float64Array(2) as unknown as BigInt64Array, 'include')).toThrow(
      TypeError,
    );
    expect(() => FaissIndex.idFilter(ids, 'only' as IdFilterMode)).toThrow(RangeError);
    expect(() =>
      index.searchPreassigned(queries, k, assignment, { filter: {} as unknown as IdFilter }),
    ).toThrow(TypeError);
    const filter = FaissIndex.idFilter(ids, 'exclude');
    expect(filter).toBeInstanceOf(IdFilter);
    expect(filter.mode).toBe('exclude');
    expect(filter.faissBuild).toBe(index.faissBuild);
    expect(filter.size).toBe(n);
    expect(filter.memoryBytes()).toBe(n / 8); // a bitmap: one bit per id of the span
  });

  it('holds dense ids as a bitmap and others in a hash set, counting each id once', () => {
    const cases: [BigInt64Array, 'bitmap' | 'hash', number][] = [
      [ids, 'bitmap', n],
      [scattered, 'hash', n],
      [BigInt64Array.of(-3n, -1n, 0n, 2n, 2n), 'bitmap', 4],
      [BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n), 'hash', 2],
      [BigInt64Array.of(42n), 'bitmap', 1],
      [new BigInt64Array(0), 'hash', 0],
    ];
    for (const [filterIds, kind, size] of cases) {
      const filter = FaissIndex.idFilter(filterIds, 'include');
      expect([filter.kind, filter.size]).toEqual([kind, size]);
      filter.dispose();
      expect(filter.kind).toBeUndefined();
    }
  });

  it('a bitmap over negative and positive ids finds exactly its ids, its first and last included', async () => {
    // -300..5700 without -1, which FAISS's result heaps take for "no result".
    const around = BigInt64Array.from({ length: n }, (_, i) => BigInt(i < 299 ? i - 300 : i - 299));
    const index = await filled(`IVF${nlist},Flat`, 'l2', around);
    // The stored ids' first and last, either side of 0, every fifth, and two just outside.
    const filterIds = BigInt64Array.from([
      ...around.filter((_, i) => i % 5 === 2),
      ...[-301n, -300n, -2n, 0n, 1n, 5700n, 5701n],
    ]);
    const assignment = await index.assign(queries, nlist);
    for (const mode of ['include', 'exclude'] as const) {
      const filter = FaissIndex.idFilter(filterIds, mode);
      expect(filter.kind).toBe('bitmap');
      const allowed = allowedBy(filterIds, mode);
      const actual = await index.searchPreassigned(queries, k, assignment, { filter });
      const expected = bruteForce(queries, base, around, dim, k, 'l2', (_, row) => allowed(around[row]));
      expect(parityProblems(expected, actual, k)).toEqual([]);
    }
  });

  it('builds a filter on a libuv thread with idFilterAsync', async () => {
    const filterIds = sampleIds(scattered, 0.2, 6);
    const filter = await FaissIndex.idFilterAsync(filterIds, 'exclude');
    expect([filter.mode, filter.kind, filter.size]).toEqual(['exclude', 'hash', filterIds.length]);
    const stored = await filled(`IVF${nlist},Flat`, 'l2', scattered);
    const assignment = await stored.assign(queries, 4);
    const expected = expectedFiltered(stored, 'l2', assignment, allowedBy(filterIds, 'exclude'), scattered);
    const actual = await stored.searchPreassigned(queries, k, assignment, { filter });
    expect(parityProblems(expected, actual, k)).toEqual([]);
    expect(() => FaissIndex.idFilterAsync([1n] as unknown as BigInt64Array, 'include')).toThrow(TypeError);
    expect(() => FaissIndex.idFilterAsync(ids, 'all' as IdFilterMode)).toThrow(RangeError);
  });

  it('refuses a filter made for the other FAISS build', async () => {
    const other = index.faissBuild === 'avx2' ? 'generic' : 'avx2';
    let filter: IdFilter;
    try {
      filter = FaissIndex.idFilter(ids, 'include', { build: other });
    } catch {
      return; // that build is not available here
    }
    expect(() => index.searchPreassigned(queries, k, assignment, { filter })).toThrow(
      /made for the .* FAISS build but this index runs on/,
    );
  });

  it('rejects a filter on indexes whose lists FAISS cannot filter', async () => {
    const filter = FaissIndex.idFilter(ids, 'include');
    const rq = await filled(`IVF${nlist},RQ2x4`, 'l2');
    await expect(
      rq.searchPreassigned(queries, k, await rq.assign(queries, 2), { filter }),
    ).rejects.toMatchObject({ code: 'ERR_FAILED_PRECONDITION', message: expect.stringMatching(/id filter/) });
    // One query: the calling-thread path rejects with the same code.
    await expect(
      rq.searchPreassigned(queries.subarray(0, dim), k, await rq.assign(queries.subarray(0, dim), 2), {
        filter,
      }),
    ).rejects.toMatchObject({ code: 'ERR_FAILED_PRECONDITION' });
    const fastScan = await filled(`IVF${nlist},PQ8x4fs`, 'l2');
    await expect(
      fastScan.searchPreassigned(queries, k, await fastScan.assign(queries, 2), { filter }),
    ).rejects.toThrow(/fast-scan/);
  });

  it('accepts no queries', async () => {
    const filter = FaissIndex.idFilter(ids, 'include');
    const none = { lists: new BigInt64Array(0), distances: new Float32Array(0) };
    const empty = await index.searchPreassigned(new Float32Array(0), k, none, { filter });
    expect(empty.labels.length).toBe(0);
  });
});
