import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FaissIndex, type Metric } from '../src/index.js';
import { clusteredVectors, recallAtK, sequentialIds } from './synthetic.js';

const dim = 32;
const n = 20_000;
const nq = 200;
const nlist = 64;
const base = clusteredVectors(n, dim, 40, 7);
const queries = clusteredVectors(nq, dim, 40, 8);
const ids = sequentialIds(n, 1000);

async function trained(factory: string, metric: Metric = 'l2'): Promise<FaissIndex> {
  const index = FaissIndex.create(dim, factory, metric);
  await index.train(base);
  await index.add(base, ids);
  return index;
}

describe('search quality', () => {
  let exact: FaissIndex;
  let ivf: FaissIndex;
  beforeAll(async () => {
    exact = await trained('Flat');
    ivf = await trained(`IVF${nlist},Flat`);
  });

  it('IVF-Flat probing every list equals exact search', async () => {
    const truth = await exact.search(queries, 10);
    const all = await ivf.search(queries, 10, { nprobe: nlist });
    expect(recallAtK(all.labels, truth.labels, 10)).toBe(1);
    for (let i = 0; i < all.distances.length; i++) {
      expect(all.distances[i]).toBeCloseTo(truth.distances[i], 2);
    }
  });

  it('recall grows with nprobe and matches Python FAISS on the same data', async () => {
    const truth = await exact.search(queries, 10);
    const dir = mkdtempSync(join(tmpdir(), 'vecshard-faiss-'));
    writeFileSync(join(dir, 'base.f32'), base);
    writeFileSync(join(dir, 'queries.f32'), queries);
    const script = `
import faiss, numpy as np, sys
d = ${dim}
xb = np.fromfile(sys.argv[1] + '/base.f32', dtype='float32').reshape(-1, d)
xq = np.fromfile(sys.argv[1] + '/queries.f32', dtype='float32').reshape(-1, d)
index = faiss.index_factory(d, 'IVF${nlist},Flat')
index.train(xb)
index.add_with_ids(xb, np.arange(1000, 1000 + len(xb), dtype='int64'))
for nprobe in (1, 4):
    index.nprobe = nprobe
    _, labels = index.search(xq, 10)
    labels.astype('int64').tofile(sys.argv[1] + f'/labels{nprobe}.i64')
`;
    execFileSync('/usr/bin/python3', ['-c', script, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    let previous = 0;
    for (const nprobe of [1, 4]) {
      const ours = await ivf.search(queries, 10, { nprobe });
      const file = readFileSync(join(dir, `labels${nprobe}.i64`));
      const python = new BigInt64Array(file.buffer, file.byteOffset, file.length / 8);
      const recall = recallAtK(ours.labels, truth.labels, 10);
      expect(recall).toBeCloseTo(recallAtK(python, truth.labels, 10), 2);
      expect(recall).toBeGreaterThan(previous);
      previous = recall;
    }
  });
});

function maxRelativeDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return worst;
}

describe('searchPreassigned', () => {
  for (const [factory, metric] of [
    ['IVF64,Flat', 'l2'],
    ['IVF64,PQ8np', 'l2'],
    ['IVF64,SQ8', 'ip'],
    ['IVF64,PQ8np', 'cosine'],
  ] as const) {
    it(`equals a plain search for ${factory} (${metric}) at several nprobe`, async () => {
      const index = await trained(factory, metric);
      for (const nprobe of [1, 3, 16, 64]) {
        const plain = await index.search(queries, 10, { nprobe });
        const assignment = await index.assign(queries, nprobe);
        expect(assignment.lists.length).toBe(nq * nprobe);
        const preassigned = await index.searchPreassigned(queries, 10, assignment);
        expect(preassigned.labels).toEqual(plain.labels);
        // The centroid distances come from two BLAS calls that may split work
        // differently, so the sums agree to float rounding, not bit for bit.
        expect(maxRelativeDifference(preassigned.distances, plain.distances)).toBeLessThan(1e-5);
      }
    });
  }

  it('assigns a few queries on the calling thread exactly as a large batch is assigned', async () => {
    const index = await trained('IVF64,Flat');
    const nprobe = 8;
    // 600 × 64 × 32 multiply-adds is above the synchronous limit: a libuv thread, FAISS's batch path.
    const thrice = new Float32Array(3 * queries.length);
    for (let i = 0; i < 3; i++) thrice.set(queries, i * queries.length);
    const batch = await index.assign(thrice, nprobe);
    for (let q = 0; q < nq; q += 17) {
      const one = await index.assign(queries.subarray(q * dim, (q + 1) * dim), nprobe);
      expect([...one.lists]).toEqual([...batch.lists.subarray(q * nprobe, (q + 1) * nprobe)]);
      expect(
        maxRelativeDifference(one.distances, batch.distances.subarray(q * nprobe, (q + 1) * nprobe)),
      ).toBeLessThan(1e-4);
    }
  });

  it('searches a short scan on the calling thread with the same results as a long one on a thread', async () => {
    const index = await trained('IVF64,Flat');
    const nprobe = 4;
    // All 200 queries scan ~20 MB (a libuv thread); one query scans ~160 kB (the calling thread).
    const assignment = await index.assign(queries, nprobe);
    const all = await index.searchPreassigned(queries, 10, assignment);
    for (let q = 0; q < nq; q += 13) {
      const one = await index.searchPreassigned(queries.subarray(q * dim, (q + 1) * dim), 10, {
        lists: assignment.lists.subarray(q * nprobe, (q + 1) * nprobe),
        distances: assignment.distances.subarray(q * nprobe, (q + 1) * nprobe),
      });
      expect([...one.labels]).toEqual([...all.labels.subarray(q * 10, (q + 1) * 10)]);
      expect([...one.distances]).toEqual([...all.distances.subarray(q * 10, (q + 1) * 10)]);
    }
    const outside = { lists: BigInt64Array.of(0n, 1n, 2n, 999n), distances: new Float32Array(4) };
    await expect(index.searchPreassigned(queries.subarray(0, dim), 10, outside)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });

  it('rejects a non-finite query on the synchronous path with the same code as on a thread', async () => {
    const index = await trained('IVF64,Flat');
    const bad = new Float32Array(dim).fill(Number.NaN);
    await expect(index.assign(bad, 4)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    const many = new Float32Array(queries);
    many[5] = Number.NaN;
    await expect(index.assign(many, 4)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });

  it('skips lists marked -1, so disjoint halves merge back to the full result', async () => {
    const index = await trained('IVF64,Flat');
    const nprobe = 8;
    const assignment = await index.assign(queries, nprobe);
    const full = await index.searchPreassigned(queries, 10, assignment);
    const half = (keepEven: boolean) => ({
      distances: assignment.distances,
      lists: assignment.lists.map((l) => ((l % 2n === 0n) === keepEven ? l : -1n)),
    });
    const even = await index.searchPreassigned(queries, 10, half(true));
    const odd = await index.searchPreassigned(queries, 10, half(false));
    for (let q = 0; q < nq; q++) {
      const merged = [
        ...even.labels.subarray(q * 10, q * 10 + 10),
        ...odd.labels.subarray(q * 10, q * 10 + 10),
      ]
        .map((label, i) => ({ label, d: (i < 10 ? even : odd).distances[q * 10 + (i % 10)] }))
        .filter((r) => r.label >= 0n)
        .sort((a, b) => a.d - b.d)
        .slice(0, 10);
      expect(merged.map((r) => r.d)).toEqual([...full.distances.subarray(q * 10, q * 10 + 10)]);
    }
  });

  it('refuses fast-scan indexes', async () => {
    const index = await trained('IVF64,PQ8x4fs');
    const assignment = await index.assign(queries, 4);
    await expect(index.searchPreassigned(queries, 10, assignment)).rejects.toThrow(/fast-scan/);
  });
});

describe('cosine', () => {
  it('normalises for the user and leaves their arrays untouched', async () => {
    const copy = base.slice();
    const cosine = await trained('Flat', 'cosine');
    expect(base).toEqual(copy);
    const result = await cosine.search(base.subarray(0, dim), 1);
    expect(result.labels[0]).toBe(ids[0]);
    expect(result.distances[0]).toBeCloseTo(1, 5);
  });
});
