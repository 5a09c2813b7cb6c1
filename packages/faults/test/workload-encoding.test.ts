import { FaissIndex } from '@vecshard/faiss';
import { describe, expect, it } from 'vitest';
import { UNREADABLE } from '../src/history/operation.js';
import {
  decodeGetRows,
  decodeSearchHits,
  encodeWrite,
  HOME_SPACING,
  homeOf,
  MAX_WRITES_PER_ID,
  vectorLayout,
} from '../src/workload/vector-encoding.js';

const squaredDistance = (a: Float32Array, b: Float32Array) =>
  a.reduce((sum, x, d) => sum + (x - b[d]) ** 2, 0);

describe('write identities in vectors', () => {
  it('keeps every sum FAISS forms below 2^24 (exact in float32), in every dimension', () => {
    for (let dim = 2; dim <= 64; dim++) {
      const { radius, capacity } = vectorLayout(dim);
      const largestHomeNorm = (dim - 1) * (radius * HOME_SPACING) ** 2;
      expect(2 * largestHomeNorm + MAX_WRITES_PER_ID ** 2, `dim ${dim}`).toBeLessThan(2 ** 24);
      expect(capacity, `dim ${dim}`).toBeGreaterThan(20);
    }
    expect(vectorLayout(8).capacity).toBe(9 ** 7);
  });

  it('gives distinct ids homes at least HOME_SPACING apart, farther than any write from its home', () => {
    const layout = vectorLayout(8);
    const ids = [0, 1, 2, 3, 9, 10, 81, 1000, 4321, layout.capacity - 1];
    const homes = ids.map((id) => homeOf(layout, id));
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        expect(squaredDistance(homes[a], homes[b])).toBeGreaterThanOrEqual(HOME_SPACING ** 2);
      }
    }
    expect(HOME_SPACING ** 2).toBeGreaterThan(MAX_WRITES_PER_ID ** 2);
    // Neighbouring ids do not share most coordinates: a run's ids spread over the lattice.
    const differing = homes[1].filter((x, d) => x !== homes[2][d]).length;
    expect(differing).toBeGreaterThan(1);
  });

  it('stores write s of an id at squared distance s² from its home', () => {
    const layout = vectorLayout(16);
    for (const write of [1, 2, 17, MAX_WRITES_PER_ID]) {
      const vector = encodeWrite(layout, 12345, write);
      expect(squaredDistance(vector, homeOf(layout, 12345))).toBe(write * write);
    }
    expect(() => encodeWrite(layout, 1, 0)).toThrow(/outside/);
    expect(() => encodeWrite(layout, 1, MAX_WRITES_PER_ID + 1)).toThrow(/outside/);
    expect(() => homeOf(layout, -1)).toThrow(/no home/);
  });

  it('decodes search hits: first and alone is present, elsewhere or twice is unreadable', () => {
    expect(decodeSearchHits(5, [5n, 9n], [49, 70000])).toEqual({ value: 7 });
    expect(decodeSearchHits(5, [9n, 4n], [70000, 80000])).toEqual({ value: null });
    expect(decodeSearchHits(5, [-1n, -1n], [3.4e38, 3.4e38])).toEqual({ value: null });
    expect(decodeSearchHits(5, [5n, 5n], [49, 49]).value).toBe(UNREADABLE);
    expect(decodeSearchHits(5, [9n, 5n], [1, 49]).value).toBe(UNREADABLE);
    expect(decodeSearchHits(5, [5n, 9n], [50, 70000])).toMatchObject({
      value: UNREADABLE,
      note: /distance 50/,
    });
    expect(decodeSearchHits(5, [5n, 9n], [0, 70000]).value).toBe(UNREADABLE);
  });

  it('decodes Get rows from the vector itself', () => {
    const layout = vectorLayout(8);
    const stored = encodeWrite(layout, 42, 200);
    expect(decodeGetRows(layout, 42, [42n], stored)).toEqual({ value: 200 });
    expect(decodeGetRows(layout, 42, [], new Float32Array())).toEqual({ value: null });
    const elsewhere = encodeWrite(layout, 43, 200);
    expect(decodeGetRows(layout, 42, [42n], elsewhere).value).toBe(UNREADABLE);
    const twice = new Float32Array([...stored, ...stored]);
    expect(decodeGetRows(layout, 42, [42n, 42n], twice)).toMatchObject({
      value: UNREADABLE,
      note: '2 rows for the id',
    });
  });
});

// The decoding must hold against the FAISS the workers run: IVF-Flat probing
// every list (the direct Σ(q−x)²) and a flat index, whose batches of 20 queries
// or more go through BLAS and the ‖q‖² + ‖x‖² − 2q·x expansion.
describe('write identities through FAISS', () => {
  const NLIST = 8;

  async function indexes(dim: number, vectors: Float32Array, ids: BigInt64Array): Promise<FaissIndex[]> {
    const ivf = FaissIndex.create(dim, `IVF${NLIST},Flat`, 'l2');
    await ivf.train(vectors);
    const flat = FaissIndex.create(dim, 'Flat', 'l2');
    for (const index of [ivf, flat]) await index.add(vectors, ids);
    return [ivf, flat];
  }

  it.each([8, 16])(
    'every present id comes first at exactly its write, every absent one not at all (dim %i)',
    async (dim) => {
      const layout = vectorLayout(dim);
      const present = Array.from({ length: 600 }, (_, i) => 1 + i * 7919);
      const absent = Array.from({ length: 60 }, (_, i) => 2 + i * 7919);
      const writeOf = (id: number) => 1 + (id % MAX_WRITES_PER_ID);
      const vectors = new Float32Array(present.length * dim);
      for (const [row, id] of present.entries()) vectors.set(encodeWrite(layout, id, writeOf(id)), row * dim);
      const asked = [...present, ...absent];
      const queries = new Float32Array(asked.length * dim);
      for (const [row, id] of asked.entries()) queries.set(homeOf(layout, id), row * dim);
      for (const index of await indexes(dim, vectors, BigInt64Array.from(present, BigInt))) {
        // One batch and single queries: FAISS computes them differently.
        const batch = await index.search(queries, 2, { nprobe: NLIST });
        const single = await index.search(queries.subarray(0, dim), 2, { nprobe: NLIST });
        const decoded = asked.map((id, row) =>
          decodeSearchHits(
            id,
            batch.labels.subarray(row * 2, row * 2 + 2),
            batch.distances.subarray(row * 2, row * 2 + 2),
          ),
        );
        expect(decoded).toEqual(asked.map((id) => ({ value: present.includes(id) ? writeOf(id) : null })));
        expect(decodeSearchHits(asked[0], single.labels, single.distances)).toEqual({
          value: writeOf(asked[0]),
        });
      }
    },
  );

  it('decodes exactly at the lattice corners, where norms are largest', async () => {
    const dim = 8;
    const layout = vectorLayout(dim);
    const others = Array.from({ length: 400 }, (_, i) => encodeWrite(layout, 10 + i, 1));
    for (const sign of [1, -1]) {
      for (const write of [1, 128, MAX_WRITES_PER_ID]) {
        const home = new Float32Array(dim).fill(sign * layout.radius * HOME_SPACING);
        home[0] = 0;
        const corner = Float32Array.from(home);
        corner[0] = write;
        const vectors = new Float32Array((others.length + 1) * dim);
        for (const [row, vector] of [corner, ...others].entries()) vectors.set(vector, row * dim);
        const ids = BigInt64Array.from({ length: others.length + 1 }, (_, row) => BigInt(row));
        // Twenty copies of the query: a batch large enough for BLAS in the flat index.
        const queries = new Float32Array(20 * dim);
        for (let row = 0; row < 20; row++) queries.set(home, row * dim);
        for (const index of await indexes(dim, vectors, ids)) {
          const found = await index.search(queries, 2, { nprobe: NLIST });
          for (const row of [0, 19]) {
            const hits = [row * 2, row * 2 + 2] as const;
            const read = decodeSearchHits(
              0,
              found.labels.subarray(...hits),
              found.distances.subarray(...hits),
            );
            expect(read, `corner ${sign}, write ${write}, row ${row}`).toEqual({ value: write });
          }
        }
      }
    }
  });
});
