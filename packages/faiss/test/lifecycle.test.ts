import { describe, expect, it } from 'vitest';
import { FaissIndex, gpuCount, hasGpu } from '../src/index.js';
import { clusteredVectors, sequentialIds } from './synthetic.js';

const dim = 16;
const base = clusteredVectors(8_000, dim, 20, 11);
const queries = clusteredVectors(100, dim, 20, 12);
const ids = sequentialIds(8_000, 5);

async function ivfIndex(factory = 'IVF32,Flat'): Promise<FaissIndex> {
  const index = FaissIndex.create(dim, factory);
  await index.train(base);
  await index.add(base, ids);
  return index;
}

describe('persistence', () => {
  it('serialise → deserialise gives identical results', async () => {
    const index = await ivfIndex('IVF32,SQ8');
    const bytes = await index.serialize();
    const copy = await FaissIndex.deserialize(bytes);
    expect(copy.ntotal).toBe(index.ntotal);
    expect(await copy.search(queries, 10, { nprobe: 4 })).toEqual(
      await index.search(queries, 10, { nprobe: 4 }),
    );
  });

  it('export list → import into a fresh template gives identical results', async () => {
    const template = FaissIndex.create(dim, 'IVF32,Flat');
    await template.train(base);
    const templateBytes = await template.serialize();
    const index = await FaissIndex.deserialize(templateBytes);
    await index.add(base, ids);
    const fresh = await FaissIndex.deserialize(templateBytes);
    const sizes = index.listSizes();
    for (let list = 0; list < index.nlist; list++) await fresh.importList(list, await index.exportList(list));
    expect(fresh.listSizes()).toEqual(sizes);
    expect(fresh.ntotal).toBe(index.ntotal);
    expect(await fresh.search(queries, 10, { nprobe: 8 })).toEqual(
      await index.search(queries, 10, { nprobe: 8 }),
    );
  });

  it('importing a list replaces what it held', async () => {
    const index = await ivfIndex();
    const list = index.listSizes().findIndex((size) => size > 0);
    await index.importList(list, { ids: new BigInt64Array(0), codes: new Uint8Array(0) });
    expect(index.listSizes()[list]).toBe(0);
    expect(index.ntotal).toBe(base.length / dim - (await ivfIndex()).listSizes()[list]);
  });

  it('removes ids that arrived through importList, and forgets the ids a list held before', async () => {
    const index = await ivfIndex();
    const fresh = await FaissIndex.deserialize(await index.serialize());
    const list = index.listSizes().findIndex((size) => size > 2);
    const content = index.exportList(list);
    fresh.importList(list, { ids: content.ids.slice(1), codes: content.codes.slice(index.codeSize) });
    expect(await fresh.remove(content.ids.slice(0, 2))).toBe(1);
    expect(fresh.listSizes()[list]).toBe(content.ids.length - 2);
  });

  it('addPreassigned puts vectors in the given lists and nowhere else', async () => {
    const index = FaissIndex.create(dim, 'IVF32,Flat');
    await index.train(base);
    const lists = new BigInt64Array(100).fill(7n);
    await index.addPreassigned(base.subarray(0, 100 * dim), ids.subarray(0, 100), lists);
    const sizes = index.listSizes();
    expect(sizes[7]).toBe(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('removes ids and reports how many', async () => {
    const index = await ivfIndex();
    expect(await index.remove(new BigInt64Array([5n, 6n, 999_999n]))).toBe(2);
    expect(index.ntotal).toBe(base.length / dim - 2);
    const result = await index.search(base.subarray(0, dim), 1, { nprobe: 32 });
    expect(result.labels[0]).not.toBe(5n);
  });
});

describe('concurrency', () => {
  it('keeps the event loop ticking during a long search', async () => {
    const index = await ivfIndex();
    const many = clusteredVectors(20_000, dim, 20, 13);
    let finished = false;
    const search = index.search(many, 50, { nprobe: 32 }).then((result) => {
      finished = true;
      return result;
    });
    // A blocking call would return only once the search is done, so the loop's
    // next turn would find it finished. Waiting for events, not for time.
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    expect((await search).labels.length).toBe(20_000 * 50);
  });

  it('survives many concurrent searches and adds with correct results', async () => {
    const index = await ivfIndex();
    const expected = await index.search(queries, 5, { nprobe: 32 });
    const extra = clusteredVectors(2_000, dim, 20, 14).map((v) => v + 1000);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      work.push(
        index.add(extra.subarray(i * 100 * dim, (i + 1) * 100 * dim), sequentialIds(100, 1e6 + i * 100)),
      );
      work.push(index.search(queries, 5, { nprobe: 32 }).then((r) => expect(r).toEqual(expected)));
    }
    await Promise.all(work);
    expect(index.ntotal).toBe(base.length / dim + 2_000);
  });
});

describe('bad input', () => {
  it('rejects a wrong dimension and wrong lengths', async () => {
    const index = await ivfIndex();
    expect(() => index.search(new Float32Array(dim + 1), 5)).toThrow(/multiple of the dimension 16/);
    expect(() => index.add(new Float32Array(dim * 2), new BigInt64Array(3))).toThrow(/3 ids for 2 vectors/);
    expect(() => index.search(new Float64Array(dim) as unknown as Float32Array, 5)).toThrow(/Float32Array/);
    expect(() => index.add(new Float32Array(dim), [1] as unknown as BigInt64Array)).toThrow(/BigInt64Array/);
    expect(() => FaissIndex.create(0, 'Flat')).toThrow(/dimension/);
  });

  it('rejects NaN and Infinity', async () => {
    const index = await ivfIndex();
    const bad = base.slice(0, dim * 3);
    bad[dim + 2] = Number.POSITIVE_INFINITY;
    await expect(index.add(bad, sequentialIds(3))).rejects.toThrow(/NaN or Infinity \(row 1\)/);
    bad[dim + 2] = Number.NaN;
    await expect(index.search(bad, 5)).rejects.toThrow(/NaN or Infinity/);
    await expect(index.train(bad)).rejects.toThrow(/NaN or Infinity/);
  });

  it('rejects use before training', async () => {
    const index = FaissIndex.create(dim, 'IVF32,Flat');
    await expect(index.add(base.subarray(0, dim), sequentialIds(1))).rejects.toThrow(/not trained/);
    await expect(index.search(queries, 5)).rejects.toThrow(/not trained/);
  });

  it('rejects unknown factory strings and metrics', () => {
    expect(() => FaissIndex.create(dim, 'IVFbanana')).toThrow(/factory string "IVFbanana"/);
    expect(() => FaissIndex.create(dim, 'Flat', 'hamming' as never)).toThrow(/unknown metric/);
  });

  it('rejects bad k, nprobe and list ids', async () => {
    const index = await ivfIndex();
    expect(() => index.search(queries, 0)).toThrow(/k must be/);
    expect(() => index.search(queries, 5, { nprobe: 33 })).toThrow(/exceeds the index's 32 lists/);
    const lists = new BigInt64Array(1).fill(32n);
    await expect(index.addPreassigned(base.subarray(0, dim), sequentialIds(1), lists)).rejects.toThrow(
      /outside 0\.\.31/,
    );
    expect(() => index.exportList(32)).toThrow(/outside/);
  });

  it('rejects bytes that are not an index', async () => {
    await expect(FaissIndex.deserialize(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toThrow(
      /not a serialised FAISS index/,
    );
  });
});

describe('devices', () => {
  it('a CPU-only build explains how to search on a GPU', async () => {
    expect(hasGpu()).toBe(false);
    expect(gpuCount()).toBe(0);
    const index = await ivfIndex();
    expect(index.device).toBe('cpu');
    await expect(index.toDevice(0)).rejects.toMatchObject({
      message: expect.stringMatching(/CPU-only libfaiss.*build-faiss-gpu\.sh/),
      code: 'ERR_FAILED_PRECONDITION',
    });
  });

  it('labels errors with codes a server can map to statuses', async () => {
    const index = FaissIndex.create(dim, 'IVF32,Flat');
    await expect(index.search(queries, 5)).rejects.toMatchObject({ code: 'ERR_FAILED_PRECONDITION' });
    await index.train(base);
    const bad = base.slice(0, dim);
    bad[0] = Number.NaN;
    await expect(index.add(bad, sequentialIds(1))).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
