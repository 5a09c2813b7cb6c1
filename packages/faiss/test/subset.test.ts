import { beforeAll, describe, expect, it } from 'vitest';
import { FaissIndex, type Metric } from '../src/index.js';
import { bruteForce, FLT_MAX, normalised, sampleIds } from './brute-force.js';
import { parityProblems } from './result-parity.js';
import { clusteredVectors, sequentialIds } from './synthetic.js';

const dim = 16;
const n = 20_000;
const nq = 30;
const nlist = 32;
const k = 10;
const base = clusteredVectors(n, dim, 24, 41);
const queries = clusteredVectors(nq, dim, 24, 42);
const ids = sequentialIds(n, 7);

async function filled(factory: string, metric: Metric): Promise<FaissIndex> {
  const index = FaissIndex.create(dim, factory, metric);
  await index.train(base);
  await index.add(base, ids);
  return index;
}

/** What the index holds and is queried with: cosine normalises both. */
function asStored(vectors: Float32Array, metric: Metric): Float32Array {
  return metric === 'cosine' ? normalised(vectors, dim) : vectors;
}

/** Brute force over the rows of `base` whose ids are in `subset`. */
function expectedSubset(metric: Metric, subset: BigInt64Array, q = queries, kk = k) {
  const wanted = new Set(subset);
  return bruteForce(
    asStored(q, metric),
    asStored(base, metric),
    ids,
    dim,
    kk,
    metric === 'l2' ? 'l2' : 'ip',
    (_, row) => wanted.has(ids[row]),
  );
}

const worst = (metric: Metric) => (metric === 'l2' ? FLT_MAX : -FLT_MAX);

describe.each(['l2', 'ip', 'cosine'] as const)('searchSubset, IVF-Flat %s', (metric) => {
  let index: FaissIndex;
  beforeAll(async () => {
    index = await filled(`IVF${nlist},Flat`, metric);
  });

  it('equals brute force over the subset, skipping ids not stored and repeats', async () => {
    const subset = sampleIds(ids, 0.05, 11);
    const asked = BigInt64Array.from([...subset, ...subset.slice(0, 50), -1n, 5n, 10_000_000n]);
    const actual = await index.searchSubset(queries, k, asked);
    expect(parityProblems(expectedSubset(metric, subset), actual, k)).toEqual([]);
    expect(new Set(actual.labels).size).toBeGreaterThan(k);
  });

  it('a few queries (measured in the lists, no copy) equal brute force, with repeats, absent ids, any k', async () => {
    const few = queries.subarray(0, 3 * dim);
    const subset = sampleIds(ids, 0.05, 15);
    const asked = BigInt64Array.from([
      -1n,
      ...subset,
      ...subset.slice(0, 80),
      10_000_000n,
      ...subset.slice(5, 9),
    ]);
    for (const kk of [1, k, 150]) {
      const actual = await index.searchSubset(few, kk, asked);
      expect(parityProblems(expectedSubset(metric, subset, few, kk), actual, kk)).toEqual([]);
      for (let q = 0; q < 3; q++) {
        const row = [...actual.labels.subarray(q * kk, (q + 1) * kk)].filter((id) => id >= 0n);
        expect(new Set(row).size).toBe(row.length);
      }
    }
    const two = await index.searchSubset(few, k, BigInt64Array.of(ids[7], ids[7], ids[70], -3n));
    for (let q = 0; q < 3; q++) {
      expect([...two.labels.subarray(q * k + 2, (q + 1) * k)]).toEqual(new Array(k - 2).fill(-1n));
      expect([...two.labels.subarray(q * k, q * k + 2)].sort()).toEqual([ids[7], ids[70]].sort());
    }
  });

  it('one query over many ids (rows split over threads) equals brute force', async () => {
    const subset = sampleIds(ids, 0.6, 12);
    for (const q of [0, 17]) {
      const one = queries.subarray(q * dim, (q + 1) * dim);
      const actual = await index.searchSubset(one, k, subset);
      expect(parityProblems(expectedSubset(metric, subset, one), actual, k)).toEqual([]);
    }
    // More queries than threads: FAISS's own split over queries (and BLAS from 20 on).
    const actual = await index.searchSubset(queries, k, subset);
    expect(parityProblems(expectedSubset(metric, subset), actual, k)).toEqual([]);
  });

  it('searches a small subset on the calling thread as a large batch is searched on a thread', async () => {
    // 30 queries × 12 000 ids × 16 floats is above the calling-thread bound; one query is below it.
    // (The batch measures through BLAS, one query without: equal up to rounding, as brute force checks.)
    const subset = sampleIds(ids, 0.6, 13);
    const batch = await index.searchSubset(queries, k, subset);
    expect(parityProblems(expectedSubset(metric, subset), batch, k)).toEqual([]);
    for (const q of [0, 9, 29]) {
      const query = queries.subarray(q * dim, (q + 1) * dim);
      const one = await index.searchSubset(query, k, subset);
      expect(parityProblems(expectedSubset(metric, subset, query), one, k)).toEqual([]);
    }
  });

  it('answers a small subset the same while a write is queued or holds the index', async () => {
    const written = await filled(`IVF${nlist},Flat`, metric);
    const subset = sampleIds(ids, 0.05, 14);
    const one = queries.subarray(0, dim);
    const before = await written.searchSubset(one, k, subset);
    const adding = written.add(clusteredVectors(20_000, dim, 24, 44), sequentialIds(20_000, 2_000_000));
    const during = written.searchSubset(one, k, subset);
    const [, result] = await Promise.all([adding, during]);
    expect([...result.labels]).toEqual([...before.labels]);
  });

  it('over every id equals an IVF search probing every list', async () => {
    const exact = await index.searchSubset(queries, k, ids);
    const ivf = await index.search(queries, k, { nprobe: nlist });
    expect(parityProblems(ivf, exact, k)).toEqual([]);
  });

  it('pads rows when fewer than k ids are stored, and when none is', async () => {
    const three = BigInt64Array.of(ids[3], ids[300], ids[3000], -5n);
    const result = await index.searchSubset(queries, k, three);
    for (let q = 0; q < nq; q++) {
      const row = [...result.labels.subarray(q * k, (q + 1) * k)];
      expect(row.slice(0, 3).sort()).toEqual([ids[3], ids[300], ids[3000]].sort());
      expect(row.slice(3)).toEqual(new Array(k - 3).fill(-1n));
      expect([...result.distances.subarray(q * k + 3, (q + 1) * k)]).toEqual(
        new Array(k - 3).fill(worst(metric)),
      );
    }
    expect(parityProblems(expectedSubset(metric, three), result, k)).toEqual([]);
    for (const none of [new BigInt64Array(0), BigInt64Array.of(-1n, 1n, 2n)]) {
      const empty = await index.searchSubset(queries, k, none);
      expect(empty.labels.every((id) => id === -1n)).toBe(true);
      expect(empty.distances.every((d) => d === worst(metric))).toBe(true);
    }
  });

  it('k of 1 and k above 100 (FAISS switches result collectors) equal brute force', async () => {
    const subset = sampleIds(ids, 0.02, 13);
    for (const kk of [1, 150]) {
      const actual = await index.searchSubset(queries, kk, subset);
      expect(parityProblems(expectedSubset(metric, subset, queries, kk), actual, kk)).toEqual([]);
    }
  });
});

describe('searchSubset, SQ and PQ codes', () => {
  it.each([
    ['IVF32,SQ8', 'l2'],
    ['IVF32,SQ8', 'ip'],
    ['IVF32,PQ8np', 'l2'],
    ['IVF32,PQ8np', 'cosine'],
  ] as const)('%s (%s) is exact over the decoded vectors', async (factory, metric) => {
    const index = await filled(factory, metric);
    const subset = sampleIds(ids, 0.05, 14);
    const decoded = await index.reconstructIds(subset);
    expect(decoded.found.every((f) => f === 1)).toBe(true);
    const expected = bruteForce(
      asStored(queries, metric),
      decoded.vectors,
      subset,
      dim,
      k,
      metric === 'l2' ? 'l2' : 'ip',
    );
    expect(parityProblems(expected, await index.searchSubset(queries, k, subset), k)).toEqual([]);
  });
});

describe('searchSubset after writes', () => {
  it('skips removed ids and finds ids imported into a list, and after a serialise round trip', async () => {
    const index = await filled(`IVF${nlist},Flat`, 'l2');
    const subset = sampleIds(ids, 0.1, 15);
    const removed = subset.slice(0, 100);
    expect(await index.remove(removed)).toBe(100);
    const kept = subset.slice(100);
    expect(
      parityProblems(expectedSubset('l2', kept), await index.searchSubset(queries, k, subset), k),
    ).toEqual([]);

    const copy = await FaissIndex.deserialize(await index.serialize(), 'l2');
    expect(
      parityProblems(expectedSubset('l2', kept), await copy.searchSubset(queries, k, subset), k),
    ).toEqual([]);

    const fresh = await FaissIndex.deserialize(await index.serialize(), 'l2');
    for (let list = 0; list < nlist; list++)
      fresh.importList(list, { ids: new BigInt64Array(0), codes: new Uint8Array(0) });
    const list = index.listSizes().findIndex((size) => size > 0);
    const content = index.exportList(list);
    fresh.importList(list, content);
    const inList = kept.filter((id) => content.ids.includes(id));
    expect(
      parityProblems(expectedSubset('l2', inList), await fresh.searchSubset(queries, k, subset), k),
    ).toEqual([]);
  });
});

describe('reconstructIds', () => {
  let index: FaissIndex;
  beforeAll(async () => {
    index = await filled(`IVF${nlist},Flat`, 'l2');
  });

  it('returns the vectors added, in the order asked, and marks ids not stored', async () => {
    const asked = BigInt64Array.of(ids[10], -1n, ids[0], ids[10], ids[n - 1], 123_456_789n);
    const { found, vectors } = await index.reconstructIds(asked);
    expect([...found]).toEqual([1, 0, 1, 1, 1, 0]);
    expect(vectors.length).toBe(asked.length * dim);
    const row = (i: number) => [...vectors.subarray(i * dim, (i + 1) * dim)];
    expect(row(0)).toEqual([...base.subarray(10 * dim, 11 * dim)]);
    expect(row(1)).toEqual(new Array(dim).fill(0));
    expect(row(2)).toEqual([...base.subarray(0, dim)]);
    expect(row(3)).toEqual(row(0));
    expect(row(4)).toEqual([...base.subarray((n - 1) * dim, n * dim)]);
    expect(row(5)).toEqual(new Array(dim).fill(0));
  });

  it('reads many ids on a thread as it reads a few on the calling thread', async () => {
    const many = sampleIds(ids, 0.5, 16); // ~10 000 ids × 16 floats: above the calling-thread limit
    const all = await index.reconstructIds(many);
    expect(all.found.every((f) => f === 1)).toBe(true);
    for (let i = 0; i < many.length; i += 997) {
      const one = await index.reconstructIds(many.subarray(i, i + 1));
      expect([...one.vectors]).toEqual([...all.vectors.subarray(i * dim, (i + 1) * dim)]);
      const at = Number(many[i] - ids[0]);
      expect([...one.vectors]).toEqual([...base.subarray(at * dim, (at + 1) * dim)]);
    }
    expect((await index.reconstructIds(new BigInt64Array(0))).vectors.length).toBe(0);
  });

  it('returns cosine indexes’ normalised vectors, and SQ8 reconstructions close to the vectors', async () => {
    const cosine = await filled(`IVF${nlist},Flat`, 'cosine');
    const { vectors } = await cosine.reconstructIds(ids.subarray(0, 5));
    const expected = normalised(base.subarray(0, 5 * dim), dim);
    for (let i = 0; i < vectors.length; i++) expect(vectors[i]).toBeCloseTo(expected[i], 6);

    const sq = await filled(`IVF${nlist},SQ8`, 'l2');
    const decoded = await sq.reconstructIds(ids.subarray(0, 100));
    let worstError = 0;
    for (let i = 0; i < decoded.vectors.length; i++) {
      worstError = Math.max(worstError, Math.abs(decoded.vectors[i] - base[i]));
    }
    expect(worstError).toBeGreaterThan(0);
    expect(worstError).toBeLessThan(0.2);
  });

  it('waits for a write on a thread rather than on the calling thread', async () => {
    const more = clusteredVectors(20_000, dim, 24, 43);
    const adding = index.add(more, sequentialIds(20_000, 1_000_000));
    const read = index.reconstructIds(ids.subarray(0, 3));
    const [, { found }] = await Promise.all([adding, read]);
    expect([...found]).toEqual([1, 1, 1]);
    expect((await index.reconstructIds(BigInt64Array.of(1_000_000n))).found[0]).toBe(1);
  });
});

describe('subset arguments', () => {
  it('checks k, the ids and the queries, and needs an IVF index', async () => {
    const index = await filled(`IVF${nlist},Flat`, 'l2');
    expect(() => index.searchSubset(queries, 0, ids)).toThrow(RangeError);
    expect(() => index.searchSubset(queries, 5000, ids)).toThrow(RangeError);
    expect(() => index.searchSubset(queries, 1.5, ids)).toThrow(RangeError);
    expect(() => index.searchSubset(queries, k, [1n] as unknown as BigInt64Array)).toThrow(TypeError);
    expect(() => index.searchSubset(queries.subarray(1), k, ids)).toThrow(RangeError);
    expect(() => index.reconstructIds(new BigUint64Array(2) as unknown as BigInt64Array)).toThrow(TypeError);
    const none = await index.searchSubset(new Float32Array(0), k, ids);
    expect(none.labels.length).toBe(0);

    const flat = FaissIndex.create(dim, 'Flat', 'l2');
    await flat.add(base, ids);
    await expect(flat.searchSubset(queries, k, ids)).rejects.toMatchObject({
      code: 'ERR_FAILED_PRECONDITION',
    });
    await expect(flat.reconstructIds(ids.subarray(0, 2))).rejects.toMatchObject({
      code: 'ERR_FAILED_PRECONDITION',
    });
    const bad = new Float32Array(dim).fill(Number.NaN);
    await expect(index.searchSubset(bad, k, ids)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
